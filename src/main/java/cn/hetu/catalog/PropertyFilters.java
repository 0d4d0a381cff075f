package cn.hetu.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import cn.hetu.system.InvalidParameterException;

/**
 * The equality filters of a tile or count request ({@code ?status=planned&department=water}): every
 * simple column of the collection, as on the feature pages, with the value converted to the column's
 * type so that a malformed value is a 400 naming it rather than a database error.
 */
public final class PropertyFilters {

    private PropertyFilters() {
    }

    /** Column name to value, in the order of the query string. */
    public static Map<String, Object> parse(Layer layer, MultiValueMap<String, String> params) {
        Map<String, Object> filters = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            Column column = layer.column(name)
                .filter(c -> c.type().isSimple())
                .orElseThrow(() -> new InvalidParameterException(name, "Unknown query parameter '" + name
                        + "'; filter on the properties listed at /ogc/collections/" + layer.id() + "/queryables"));
            filters.put(name, column.value(single(name, values)));
        });
        return filters;
    }

    private static String single(String name, List<String> values) {
        if (values.size() != 1) {
            throw new InvalidParameterException(name, "Parameter '" + name + "' is given " + values.size() + " times");
        }
        return values.get(0);
    }

}
