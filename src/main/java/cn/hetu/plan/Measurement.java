package cn.hetu.plan;

import java.util.Map;
import java.util.Set;

/**
 * How an indicator is measured: from the registry (a collection, a CQL2 text filter and an aggregate) or
 * reported by the department. The kind of target (count, length, area, percentage) decides the units it
 * may be given in and the aggregate that measures it.
 */
public record Measurement(String kind, String unit, String method, String collection, String filter, String aggregate) {

    public static final String REGISTRY = "registry";

    public static final String REPORTED = "reported";

    /** The aggregate that measures each kind of target. */
    static final Map<String, String> AGGREGATE_OF_KIND = Map.of("count", "count", "length", "sum_length", "area",
            "sum_area", "percentage", "disposal_rate");

    /** Metres or square metres per unit; a count may be counted in any word (条, 座, 个, 项). */
    static final Map<String, Double> SCALE = Map.of("km", 1000.0, "m", 1.0, "m²", 1.0, "ha", 10_000.0, "亩", 2000 / 3.0,
            "%", 1.0);

    static final Map<String, Set<String>> UNITS_OF_KIND = Map.of("length", Set.of("km", "m"), "area",
            Set.of("m²", "ha", "亩"), "percentage", Set.of("%"));

    public boolean fromRegistry() {
        return REGISTRY.equals(method);
    }

}
