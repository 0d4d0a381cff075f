package cn.hetu.query;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;

import cn.hetu.catalog.Column;
import cn.hetu.catalog.ColumnType;
import cn.hetu.catalog.Condition;
import cn.hetu.catalog.Conditions;
import cn.hetu.catalog.Layer;
import cn.hetu.cql2.Cql2;
import cn.hetu.cql2.Cql2Exception;
import cn.hetu.cql2.Cql2Sql;
import cn.hetu.geo.Crs;
import cn.hetu.system.ErrorCode;
import cn.hetu.system.InvalidParameterException;

/**
 * Which features a request asks for: the one parser behind feature pages, exports, tiles and counts, so
 * every way features leave Hetu takes the same parameters with the same 400s. A route names the parameters
 * it takes itself (limit, format...); any other parameter must be a queryable property, an equality filter.
 *
 * @param bbox in the axis order of {@code bboxCrs}, or null
 * @param properties equality filters, column name to a value already of the column's type
 * @param filter the CQL2 filter as SQL on the alias {@code t}, or null
 */
public record ItemsFilter(Bbox bbox, Crs bboxCrs, TimeInterval datetime, Map<String, Object> properties,
        Condition filter) {

    public static final Set<String> PARAMETERS = Set.of("bbox", "bbox-crs", "datetime", "filter", "filter-lang",
            "filter-crs");

    public static ItemsFilter parse(Layer layer, MultiValueMap<String, String> params, Set<String> routeParameters) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String name : params.keySet()) {
            if (PARAMETERS.contains(name) || routeParameters.contains(name)) {
                continue;
            }
            Column column = layer.column(name)
                .filter(c -> c.type().isSimple())
                .orElseThrow(() -> new InvalidParameterException(name, "Unknown query parameter '" + name
                        + "'; see /ogc/collections/" + layer.id() + "/queryables for the properties to filter on"));
            properties.put(name, column.value(single(params, name)));
        }
        Crs bboxCrs = Crs.parse("bbox-crs", single(params, "bbox-crs"));
        return new ItemsFilter(bbox(params, bboxCrs), bboxCrs, datetime(params), properties, filter(layer, params));
    }

    /** The features asked for, as a condition on the alias {@code t}. */
    public Condition where(Layer layer) {
        Conditions where = Conditions.where();
        if (bbox != null) {
            List<String> boxes = new ArrayList<>();
            List<Object> corners = new ArrayList<>();
            for (Bbox b : bbox.splitAtAntimeridian(bboxCrs)) {
                boxes.add("ST_Intersects(t.geom, " + bboxCrs.toStorageSql("ST_MakeEnvelope(?, ?, ?, ?)") + ")");
                corners.addAll(List.of(b.min1(), b.min2(), b.max1(), b.max2()));
            }
            where.add("(" + String.join(" OR ", boxes) + ")", corners);
        }
        if (filter != null) {
            where.and(filter);
        }
        if (datetime != null && layer.hasTime()) {
            time(layer, where);
        }
        properties.forEach((name, value) -> where.add(Conditions.column("t", layer, name) + " = ?", value));
        return where.build();
    }

    /** Features whose time (start to end, or the single start value) meets the requested interval. */
    private void time(Layer layer, Conditions where) {
        String start = Conditions.column("t", layer, layer.temporalStart());
        String end = layer.temporalEnd() == null ? start
                : "COALESCE(" + Conditions.column("t", layer, layer.temporalEnd()) + ", " + start + ")";
        boolean dates = layer.column(layer.temporalStart()).map(Column::type).orElse(null) == ColumnType.DATE;
        if (datetime.end() != null) {
            where.add(start + " <= ?", dates ? datetime.end().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate() : datetime.end());
        }
        if (datetime.start() != null) {
            where.add(end + " >= ?",
                    dates ? datetime.start().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate() : datetime.start());
        }
        where.add(start + " IS NOT NULL");
    }

    private static Condition filter(Layer layer, MultiValueMap<String, String> params) {
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

    /** The value of a parameter given at most once, or null. */
    public static String single(MultiValueMap<String, String> params, String name) {
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
