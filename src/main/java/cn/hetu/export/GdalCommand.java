package cn.hetu.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Runs a GDAL program (ogr2ogr, ogrinfo) from an argument array, never through a shell, with a
 * time limit, in the {@link GdalSandbox}: only the drivers named may open or write anything, the
 * environment holds no credentials, the network is closed.
 */
public final class GdalCommand {

    /** The program's output, stdout and stderr together. */
    public record Result(int exitCode, String output) {
    }

    private final List<String> arguments;

    private final Set<String> drivers;

    private final Duration timeout;

    private volatile Process process;

    /** A run that may use only {@code drivers} (GDAL's short names: the one that reads and the one that writes). */
    public GdalCommand(List<String> arguments, Set<String> drivers, Duration timeout) {
        this.arguments = List.copyOf(arguments);
        this.drivers = Set.copyOf(drivers);
        this.timeout = timeout;
    }

    /** Writes what the program reads from its standard input ({@code /vsistdin/}). */
    public interface Input {

        void writeTo(OutputStream stdin) throws IOException;

    }

    /** Runs to the end; {@code progress} hears the percentages ogr2ogr's {@code -progress} prints. */
    public Result run(IntConsumer progress) throws IOException {
        return run(progress, OutputStream::close);
    }

    private Result run(IntConsumer progress, Input input) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(GdalSandbox.command(arguments)).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(GdalSandbox.environment(drivers));
        process = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> read(process.getInputStream(), progress, output), "gdal-output");
        reader.setDaemon(true);
        reader.start();
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                input.writeTo(stdin);
            }
            catch (IOException e) {
                // A program that stopped reading has failed: its exit code and message tell why, unless it hangs.
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw e;
                }
            }
            catch (RuntimeException e) {
                process.destroyForcibly();
                throw e;
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(arguments.get(0) + " took longer than " + timeout.toMinutes() + " minutes");
            }
            reader.join(10_000);
            synchronized (output) {
                return new Result(process.exitValue(), output.toString());
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(arguments.get(0) + " was interrupted", e);
        }
    }

    /** Runs to the end and fails with GDAL's own message unless it succeeded. */
    public String runOrFail() throws IOException {
        return runOrFail(OutputStream::close);
    }

    /** Runs to the end with {@code input} writing its standard input, and fails with GDAL's message unless it succeeded. */
    public String runOrFail(Input input) throws IOException {
        Result result = run(percent -> {
        }, input);
        if (result.exitCode() != 0) {
            throw new IOException(arguments.get(0) + " failed: " + result.output().strip());
        }
        return result.output();
    }

    /** Stops the program if it is running. */
    public void stop() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
    }

    /** Collects the output; the "0...10...20" of -progress is told to the listener as it comes. */
    private static void read(InputStream in, IntConsumer progress, StringBuilder output) {
        StringBuilder number = new StringBuilder();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                String chunk = new String(buffer, 0, n, StandardCharsets.UTF_8);
                synchronized (output) {
                    output.append(chunk);
                }
                for (char c : chunk.toCharArray()) {
                    if (Character.isDigit(c)) {
                        number.append(c);
                    }
                    else {
                        if (c == '.' && !number.isEmpty() && number.length() <= 3) {
                            progress.accept(Integer.parseInt(number.toString()));
                        }
                        number.setLength(0);
                    }
                }
            }
        }
        catch (IOException e) {
            // the process was stopped; what it printed so far is kept
        }
    }

}
