package cn.hetu.ogcapi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import cn.hetu.catalog.Column;
import cn.hetu.cql2.Cql2;
import cn.hetu.cql2.Cql2Exception;
import cn.hetu.cql2.Cql2Sql;
import cn.hetu.geo.Crs;
import cn.hetu.catalog.Layer;
import cn.hetu.system.ErrorCode;
import cn.hetu.system.InvalidParameterException;

/** Turns the query string of an items request into an {@link ItemsQuery}, or a 400 naming the parameter. */
@Component
class ItemsQueryParser {

    static final Set<String> STANDARD_PARAMETERS = Set.of("limit", "bbox", "bbox-crs", "datetime", "after", "before", "f", "crs",
            "filter", "filter-lang", "filter-crs");

    private final OgcProperties properties;

    ItemsQueryParser(OgcProperties properties) {
        this.properties = properties;
    }

    ItemsQuery parse(Layer layer, MultiValueMap<String, String> params) {
        Map<String, Object> filters = new LinkedHashMap<>();
        for (String name : params.keySet()) {
            if (STANDARD_PARAMETERS.contains(name)) {
                continue;
            }
            Column column = layer.column(name)
                .filter(c -> c.type().isSimple())
                .orElseThrow(() -> new InvalidParameterException(name, "Unknown query parameter '" + name
                        + "'; see /ogc/collections/" + layer.id() + "/queryables for the properties to filter on"));
            filters.put(name, column.value(single(params, name)));
        }
        checkFormat(params);
        Crs bboxCrs = Crs.parse("bbox-crs", single(params, "bbox-crs"));
        if (params.containsKey("after") && params.containsKey("before")) {
            throw new InvalidParameterException("before", "Give after or before, not both");
        }
        return new ItemsQuery(limit(params), cursor(layer, params, "after"), cursor(layer, params, "before"), bbox(params, bboxCrs), bboxCrs, datetime(params), filters,
                filter(layer, params), crs(params));
    }

    static Crs crs(MultiValueMap<String, String> params) {
        return Crs.parse("crs", single(params, "crs"));
    }

    private static Cql2Sql.Condition filter(Layer layer, MultiValueMap<String, String> params) {
        String filter = single(params, "filter");
        String language = single(params, "filter-lang");
        if (language != null && !language.equals(Cql2.TEXT) && !language.equals(Cql2.JSON)) {
            throw new InvalidParameterException("filter-lang", "filter-lang must be " + Cql2.TEXT + " or " + Cql2.JSON);
        }
        if (filter == null) {
            return null;
        }
        Crs filterCrs = Crs.parse("filter-crs", single(params, "filter-crs"));
        try {
            return Cql2Sql.render(Cql2.parse(filter, language), layer, filterCrs);
        }
        catch (Cql2Exception e) {
            throw new InvalidParameterException(ErrorCode.INVALID_FILTER, "filter", "filter " + e.getMessage());
        }
    }

    static void checkFormat(MultiValueMap<String, String> params) {
        String f = params.getFirst("f");
        if (f != null && !List.of("json", "geojson").contains(f)) {
            throw new InvalidParameterException("f", "Format '" + f + "' is not offered; use f=json");
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

    private static Bbox bbox(MultiValueMap<String, String> params, Crs crs) {
        String text = single(params, "bbox");
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 4 && parts.length != 6) {
            throw new InvalidParameterException("bbox",
                    "bbox needs 4 numbers (minLon,minLat,maxLon,maxLat in CRS84) or 6 with heights, got " + parts.length);
        }
        double[] n = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].trim());
            }
            catch (NumberFormatException e) {
                throw new InvalidParameterException("bbox", "bbox value " + (i + 1) + " is not a number: '" + parts[i] + "'");
            }
        }
        int half = parts.length / 2;
        Bbox bbox = new Bbox(n[0], n[1], n[half], n[half + 1]);
        crs.checkInDomain("bbox", bbox.min1(), bbox.min2(), bbox.max1(), bbox.max2());
        // In degrees a west edge east of the east edge is a box across the antimeridian (OGC API - Features, 7.15.3).
        boolean latitudeFirst = crs.geographic() && crs.northFirst();
        boolean firstAxisWraps = crs.geographic() && !crs.northFirst();
        if ((bbox.min1() > bbox.max1() && !firstAxisWraps) || (bbox.min2() > bbox.max2() && !latitudeFirst)) {
            throw new InvalidParameterException("bbox", crs.geographic()
                    ? "bbox minimum latitude must not exceed its maximum: " + text
                    : "bbox minimum must not exceed its maximum: " + text);
        }
        return bbox;
    }

    private static TimeInterval datetime(MultiValueMap<String, String> params) {
        String text = single(params, "datetime");
        if (text == null) {
            return null;
        }
        String[] ends = text.split("/", -1);
        if (ends.length > 2) {
            throw new InvalidParameterException("datetime", "datetime is an instant or start/end, got '" + text + "'");
        }
        if (ends.length == 1) {
            return new TimeInterval(instant(ends[0], false), instant(ends[0], true));
        }
        TimeInterval interval = new TimeInterval(instant(ends[0], false), instant(ends[1], true));
        if (interval.start() != null && interval.end() != null && interval.start().isAfter(interval.end())) {
            throw new InvalidParameterException("datetime", "datetime starts after it ends: '" + text + "'");
        }
        return interval;
    }

    /** A date alone means the whole day (UTC); ".." and an empty end are open. */
    private static OffsetDateTime instant(String text, boolean end) {
        if (text.isEmpty() || text.equals("..")) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return end ? day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1000)
                        : day.atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text);
        }
        catch (DateTimeParseException e) {
            throw new InvalidParameterException("datetime",
                    "datetime '" + text + "' is not an RFC 3339 date or date-time (e.g. 2023-05-01 or 2023-05-01T08:00:00Z)");
        }
    }

    private static String single(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidParameterException(name, "Parameter '" + name + "' is given " + values.size() + " times");
        }
        return values.get(0);
    }

}
