package cn.hetu.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's names for fields and coded values, in Chinese and English, as the map shows them:
 * {@code labels/labels.json} (kept equal to the front end's message files by a test), the words a
 * migration gave a collection it added (tables {@code field_label}, {@code enum_label}) and the
 * department table. Exports, problem bodies and the collection schema take their words from here.
 */
@Component
public class Labels {

    /** The two languages Hetu speaks; Chinese unless English is asked for. */
    public enum Language {

        ZH, EN;

        /** English when the {@code lang} parameter, or else the request's locale, asks for it. */
        public static Language of(String lang, Locale locale) {
            String tag = lang != null && !lang.isBlank() ? lang : locale == null ? "" : locale.getLanguage();
            return tag.toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
        }

        String pick(JsonNode pair) {
            return pair.get(this == ZH ? 0 : 1).asString();
        }

    }

    private final ObjectNode labels;

    private final JdbcClient jdbc;

    Labels(JdbcClient jdbc) {
        this.jdbc = jdbc;
        try (InputStream in = Labels.class.getResourceAsStream("/labels/labels.json")) {
            this.labels = (ObjectNode) JsonMapper.shared().readTree(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        addCollectionWords();
    }

    /** The words of collections added as data, over those of labels.json. */
    private void addCollectionWords() {
        ObjectNode fields = (ObjectNode) labels.get("fields");
        ObjectNode units = (ObjectNode) labels.get("units");
        ObjectNode columnEnums = (ObjectNode) labels.get("columnEnums");
        ObjectNode enums = (ObjectNode) labels.get("enums");
        jdbc.sql("SELECT collection || '.' || field, title_zh, title_en, unit_zh, unit_en, enumeration FROM field_label")
            .query(rs -> {
                String key = rs.getString(1);
                fields.putArray(key).add(rs.getString(2)).add(rs.getString(3));
                if (rs.getString(4) != null) {
                    units.putArray(key).add(rs.getString(4)).add(rs.getString(5));
                }
                if (rs.getString(6) != null) {
                    columnEnums.put(key, rs.getString(6));
                }
            });
        jdbc.sql("SELECT enumeration, code, label_zh, label_en FROM enum_label ORDER BY enumeration, position, code")
            .query(rs -> {
                JsonNode list = enums.get(rs.getString(1));
                ObjectNode codes = list == null ? enums.putObject(rs.getString(1)) : (ObjectNode) list;
                codes.putArray(rs.getString(2)).add(rs.getString(3)).add(rs.getString(4));
            });
    }

    /** A column's name for people: the collection's own label, the common one, the file's name, or the column. */
    public String field(Layer layer, Column column, Language language) {
        JsonNode pair = fieldPair(layer.id(), column.name());
        if (pair != null) {
            return language.pick(pair);
        }
        return column.title() != null ? column.title() : column.name();
    }

    /** The field's name with its unit, as a table's header: 面积（平方米）, Area (m²). */
    public String header(Layer layer, Column column, Language language) {
        String name = field(layer, column, language);
        JsonNode unit = unit(layer.id(), column.name());
        if (unit == null) {
            return name;
        }
        return language == Language.ZH ? name + "（" + language.pick(unit) + "）" : name + " (" + language.pick(unit) + ")";
    }

    /** The enumeration a column's codes belong to, if it has one (work_status, parcel_category, ...). */
    public Optional<String> enumeration(String collection, String column) {
        JsonNode map = labels.get("columnEnums");
        JsonNode name = map.has(collection + "." + column) ? map.get(collection + "." + column) : map.get(column);
        return Optional.ofNullable(name).map(JsonNode::asString);
    }

    /** Code to label for a column with coded values (departments included); empty for a free column. */
    public Map<String, String> values(String collection, String column, Language language) {
        Map<String, String> values = new LinkedHashMap<>();
        if (column.equals("department")) {
            jdbc.sql("SELECT code, name_zh, name_en FROM department ORDER BY code")
                .query(rs -> {
                    values.put(rs.getString(1), rs.getString(language == Language.ZH ? 2 : 3));
                });
            return values;
        }
        enumeration(collection, column).map(name -> labels.get("enums").get(name))
            .ifPresent(codes -> codes.properties().forEach(e -> values.put(e.getKey(), language.pick(e.getValue()))));
        return values;
    }

    /** One coded value's label, or the code itself when it has none. */
    public String value(String enumeration, String code, Language language) {
        JsonNode pair = labels.get("enums").path(enumeration).get(code);
        return pair == null ? code : language.pick(pair);
    }

    /** The chosen name of a column in a Shapefile (at most 10 characters), or null for a column without one. */
    public String shapefileName(String column) {
        JsonNode name = labels.get("shapefileNames").get(column);
        return name == null ? null : name.asString();
    }

    /** The unit of a column's numbers as [zh, en], or null. */
    JsonNode unit(String collection, String column) {
        JsonNode units = labels.get("units");
        return units.has(collection + "." + column) ? units.get(collection + "." + column) : units.get(column);
    }

    /** A column's name for people in both languages as [zh, en], or null when none is known beyond the column's own. */
    JsonNode fieldPair(String collection, String column) {
        JsonNode fields = labels.get("fields");
        return fields.has(collection + "." + column) ? fields.get(collection + "." + column) : fields.get(column);
    }

}
