package cn.hetu.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conditions every GDAL program runs under, since what it reads may come from a user: an
 * environment built from nothing (no database credentials, no proxies of the host), every driver
 * switched off but the few a run needs (so a file can never be opened as a VRT, a database or a
 * web service, whatever it holds), every way to the network closed in GDAL's own settings, and,
 * where the system allows it, no network at all: the program runs in a network namespace of its own.
 */
final class GdalSandbox {

    private static final Logger log = LoggerFactory.getLogger(GdalSandbox.class);

    private static final Pattern DRIVER_LINE = Pattern.compile("^\\s+(\\S.*?) -[a-z, ]+- \\(");

    /** Installation paths GDAL and PROJ may need; nothing else of the server's environment is passed on. */
    private static final List<String> INSTALLATION = List.of("GDAL_DATA", "GDAL_DRIVER_PATH", "PROJ_DATA", "PROJ_LIB");

    /** A proxy no connection can reach: any request GDAL would make fails before it leaves the process. */
    private static final String NOWHERE = "127.0.0.1:0";

    private static volatile List<String> drivers;

    private static volatile List<String> isolation;

    private GdalSandbox() {
    }

    /** The command as run: inside a network namespace of its own when the system allows one. */
    static List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(isolation());
        command.addAll(arguments);
        return command;
    }

    /** The whole environment of a GDAL run that may use only the drivers named. */
    static Map<String, String> environment(Set<String> allowedDrivers) {
        Map<String, String> environment = base();
        String skipped = String.join(",", installedDrivers().stream().filter(d -> !allowedDrivers.contains(d)).toList());
        environment.put("GDAL_SKIP", skipped);
        return environment;
    }

    private static Map<String, String> base() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("LANG", "C.UTF-8");
        environment.put("HOME", System.getProperty("java.io.tmpdir"));
        environment.put("CPL_TMPDIR", System.getProperty("java.io.tmpdir"));
        for (String name : INSTALLATION) {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        environment.put("GDAL_HTTP_PROXY", NOWHERE);
        environment.put("GDAL_HTTPS_PROXY", NOWHERE);
        environment.put("all_proxy", "http://" + NOWHERE);
        environment.put("CPL_VSIL_CURL_ALLOWED_FILENAME", "none:");
        environment.put("PROJ_NETWORK", "OFF");
        environment.put("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR");
        environment.put("GDAL_PAM_ENABLED", "NO");
        return environment;
    }

    /** The drivers this GDAL has, by the names GDAL_SKIP takes, read once from {@code ogrinfo --formats}. */
    static List<String> installedDrivers() {
        List<String> known = drivers;
        if (known == null) {
            String output = run(List.of("ogrinfo", "--formats"), base());
            List<String> found = new ArrayList<>();
            for (String line : output.split("\\R")) {
                Matcher m = DRIVER_LINE.matcher(line);
                if (m.find()) {
                    found.add(m.group(1));
                }
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("ogrinfo --formats lists no drivers: " + output);
            }
            known = List.copyOf(found);
            drivers = known;
        }
        return known;
    }

    /** unshare --net, as root or in a user namespace; nothing when neither works here (then GDAL's settings alone hold). */
    private static List<String> isolation() {
        List<String> prefix = isolation;
        if (prefix == null) {
            prefix = List.of();
            for (List<String> candidate : List.of(List.of("unshare", "--net", "--"),
                    List.of("unshare", "--user", "--map-root-user", "--net", "--"))) {
                if (works(candidate)) {
                    prefix = candidate;
                    break;
                }
            }
            if (prefix.isEmpty()) {
                log.warn("GDAL runs without a network namespace of its own (unshare --net is not permitted here); "
                        + "its network access is closed by its own settings only");
            }
            isolation = prefix;
        }
        return prefix;
    }

    private static boolean works(List<String> prefix) {
        List<String> probe = new ArrayList<>(prefix);
        probe.add("true");
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(1, TimeUnit.MINUTES);
            return output;
        }
        catch (IOException e) {
            throw new IllegalStateException("GDAL cannot be run: " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking GDAL for its drivers", e);
        }
    }

}
