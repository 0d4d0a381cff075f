package cn.hetu.tiles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import cn.hetu.catalog.Column;
import cn.hetu.catalog.Layer;
import cn.hetu.system.InvalidParameterException;

/**
 * The equality filters of a tile request ({@code ?status=planned&department=water}): every simple
 * column of the collection, as on the feature pages, with the value converted to the column's type
 * so that a malformed value is a 400 naming it rather than a database error.
 */
final class TileFilters {

    private TileFilters() {
    }

    /** Column name to value, in the order of the query string. */
    static Map<String, Object> parse(Layer layer, MultiValueMap<String, String> params) {
        Map<String, Object> filters = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            Column column = layer.column(name)
                .filter(c -> c.type().isSimple())
                .orElseThrow(() -> new InvalidParameterException(name, "Unknown query parameter '" + name
                        + "'; tiles filter on the properties listed at /ogc/collections/" + layer.id() + "/queryables"));
            filters.put(name, value(column, single(name, values)));
        });
        return filters;
    }

    private static String single(String name, List<String> values) {
        if (values.size() != 1) {
            throw new InvalidParameterException(name, "Parameter '" + name + "' is given " + values.size() + " times");
        }
        return values.get(0);
    }

    private static Object value(Column column, String text) {
        try {
            return switch (column.type()) {
                case INTEGER -> Long.valueOf(text);
                case NUMBER -> new BigDecimal(text);
                case BOOLEAN -> switch (text) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new NumberFormatException(text);
                };
                case DATE -> LocalDate.parse(text);
                case DATETIME -> OffsetDateTime.parse(text);
                default -> text;
            };
        }
        catch (NumberFormatException | DateTimeParseException e) {
            throw new InvalidParameterException(column.name(),
                    "'" + text + "' is not a valid " + column.type().name().toLowerCase() + " for " + column.name());
        }
    }

}
