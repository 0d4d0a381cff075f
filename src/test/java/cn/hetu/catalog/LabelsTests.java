package cn.hetu.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's labels (exports, problem bodies, schema) say what the map says: every field and
 * coded value in {@code labels/labels.json} has the same Chinese and English words as the front end's
 * message files, and the Shapefile names are short, unique and never GDAL's cut-offs.
 */
class LabelsTests {

    private static final Pattern MESSAGE = Pattern.compile("^\\s*'([^']+)': '([^']*)',?\\s*$", Pattern.MULTILINE);

    /** Server enumerations whose words the front end keeps under other keys. */
    private static final Map<String, String> FRONT_END_KEYS = Map.of("boolean.true", "value.yes", "boolean.false", "value.no");

    @Test
    void fieldsAndValuesHaveTheFrontEndsWords() throws IOException {
        JsonNode labels = JsonMapper.shared().readTree(Labels.class.getResourceAsStream("/labels/labels.json"));
        Map<String, String> zh = messages("zh.js", "river.zh.js");
        Map<String, String> en = messages("en.js", "river.en.js");
        int compared = 0;
        for (var field : labels.get("fields").properties()) {
            if (field.getKey().startsWith("area_") && !field.getKey().equals("area_m2")) {
                continue; // hectares and mu are columns of exports only, named like the area
            }
            compared += compare("field." + field.getKey(), field.getValue(), zh, en);
        }
        for (var enumeration : labels.get("enums").properties()) {
            for (var value : enumeration.getValue().properties()) {
                String key = enumeration.getKey() + "." + value.getKey();
                String frontEnd = FRONT_END_KEYS.getOrDefault(key, key.startsWith("issue_")
                        ? "river." + key.substring("issue_".length()) : "enum." + key);
                compared += compare(frontEnd, value.getValue(), zh, en);
            }
        }
        assertThat(compared).as("fields and values compared").isGreaterThan(150);
    }

    @Test
    void shapefileNamesAreShortAndUnique() throws IOException {
        JsonNode labels = JsonMapper.shared().readTree(Labels.class.getResourceAsStream("/labels/labels.json"));
        Set<String> names = new HashSet<>();
        for (var entry : labels.get("shapefileNames").properties()) {
            String name = entry.getValue().asString();
            assertThat(name).as(entry.getKey()).hasSizeLessThanOrEqualTo(10).matches("[a-z][a-z0-9_]*");
            assertThat(names.add(name)).as("%s is used once", name).isTrue();
        }
        assertThat(names).doesNotContain("approval_n", "disposal_m", "responsibl");
    }

    private static int compare(String key, JsonNode pair, Map<String, String> zh, Map<String, String> en) {
        assertThat(zh).as("the front end has %s", key).containsKey(key);
        assertThat(pair.get(0).asString()).as(key + " in Chinese").isEqualTo(zh.get(key));
        assertThat(pair.get(1).asString()).as(key + " in English").isEqualTo(en.get(key));
        return 1;
    }

    private static Map<String, String> messages(String... files) throws IOException {
        Map<String, String> messages = new HashMap<>();
        for (String file : files) {
            Matcher m = MESSAGE.matcher(Files.readString(Path.of("frontend/src/i18n", file)));
            while (m.find()) {
                messages.put(m.group(1), m.group(2).replace("\\'", "'"));
            }
        }
        return messages;
    }

}
