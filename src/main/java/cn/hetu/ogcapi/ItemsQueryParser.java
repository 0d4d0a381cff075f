package cn.hetu.ogcapi;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import cn.hetu.catalog.Layer;
import cn.hetu.geo.Crs;
import cn.hetu.query.ItemsFilter;
import cn.hetu.system.InvalidParameterException;

/** Turns the query string of a feature page into an {@link ItemsQuery}, or a 400 naming the parameter. */
@Component
class ItemsQueryParser {

    /** The parameters of a feature page beyond {@link ItemsFilter}'s. */
    static final Set<String> PAGE_PARAMETERS = Set.of("limit", "after", "before", "f", "lang", "crs");

    private final OgcProperties properties;

    ItemsQueryParser(OgcProperties properties) {
        this.properties = properties;
    }

    ItemsQuery parse(Layer layer, MultiValueMap<String, String> params) {
        ItemsFilter filter = ItemsFilter.parse(layer, params, PAGE_PARAMETERS);
        checkFormat(params);
        if (params.containsKey("after") && params.containsKey("before")) {
            throw new InvalidParameterException("before", "Give after or before, not both");
        }
        return new ItemsQuery(limit(params), cursor(layer, params, "after"), cursor(layer, params, "before"), filter,
                crs(params));
    }

    static Crs crs(MultiValueMap<String, String> params) {
        return Crs.parse("crs", single(params, "crs"));
    }

    static void checkFormat(MultiValueMap<String, String> params) {
        String f = params.getFirst("f");
        if (f != null && !List.of("json", "geojson", "html").contains(f)) {
            throw new InvalidParameterException("f", "Format '" + f + "' is not offered; use f=json or f=html");
        }
    }

    private int limit(MultiValueMap<String, String> params) {
        String text = single(params, "limit");
        if (text == null) {
            return properties.defaultLimit();
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit < 1) {
                throw new InvalidParameterException("limit", "limit must be at least 1, got " + limit);
            }
            return Math.min(limit, properties.maxLimit());
        }
        catch (NumberFormatException e) {
            throw new InvalidParameterException("limit", "limit must be a whole number, got '" + text + "'");
        }
    }

    private static Object cursor(Layer layer, MultiValueMap<String, String> params, String name) {
        String text = single(params, name);
        if (text == null) {
            return null;
        }
        return FeatureIds.parse(layer, text)
            .orElseThrow(() -> new InvalidParameterException(name, name + " must be a feature id, got '" + text + "'"));
    }

    private static String single(MultiValueMap<String, String> params, String name) {
        return ItemsFilter.single(params, name);
    }

}
