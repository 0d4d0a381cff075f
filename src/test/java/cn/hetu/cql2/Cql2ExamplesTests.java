package cn.hetu.cql2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The CQL2 standard's own examples, without a server: each expression given in both encodings parses
 * to the same tree from either, or is refused as a filter error (a 400 for the client) from both; no
 * example makes the parser fail in any other way. The examples Hetu supports are counted, so that
 * support cannot silently shrink.
 */
class Cql2ExamplesTests {

    private static final Path EXAMPLES = Path.of("src/test/resources/cql2/examples");

    /** The examples read alike from both encodings when this test was written. */
    private static final int MIN_SUPPORTED = 60;

    @Test
    void bothEncodingsOfEachExampleMeanTheSameOrAreBothRefused() {
        Map<String, String> texts = read("text", ".txt");
        Map<String, String> jsons = read("json", ".json");
        List<String> supported = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        for (var example : texts.entrySet()) {
            String json = jsons.get(example.getKey());
            if (json == null) {
                continue;
            }
            Object fromText = parse(example.getKey(), example.getValue(), Cql2.TEXT);
            Object fromJson = parse(example.getKey(), json, Cql2.JSON);
            if (fromText instanceof Expr && fromText.equals(fromJson)) {
                supported.add(example.getKey());
            }
            else if (fromText instanceof Expr || fromJson instanceof Expr) {
                disagreements.add(example.getKey() + ": text " + fromText + " / json " + fromJson);
            }
        }
        assertThat(disagreements).as("examples read differently from their two encodings").isEmpty();
        assertThat(supported).as("examples Hetu reads from both encodings").hasSizeGreaterThanOrEqualTo(MIN_SUPPORTED);
    }

    @Test
    void everyExampleParsesOrIsAFilterError() {
        read("text", ".txt").forEach((name, text) -> parse(name, text, Cql2.TEXT));
        read("json", ".json").forEach((name, json) -> parse(name, json, Cql2.JSON));
    }

    /** The tree, or the refusal's message: a filter error is an answer, any other exception fails the test. */
    private static Object parse(String name, String filter, String language) {
        try {
            return Cql2.parse(filter.strip(), language);
        }
        catch (Cql2Exception e) {
            return "refused: " + e.getMessage();
        }
        catch (RuntimeException e) {
            return fail(name + " (" + language + ") failed with " + e, e);
        }
    }

    private static Map<String, String> read(String folder, String suffix) {
        Map<String, String> examples = new TreeMap<>();
        try (Stream<Path> files = Files.list(EXAMPLES.resolve(folder))) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                String name = file.getFileName().toString();
                examples.put(name.substring(0, name.length() - suffix.length()), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(examples).as(folder).hasSizeGreaterThan(100);
        return examples;
    }

}
