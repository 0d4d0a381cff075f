package cn.hetu.styles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A collection's symbology as a Mapbox GL / MapLibre style (version 8) over its OGC vector tiles: the
 * status colours, the collection's line widths and dashes, parcel category fills, the unsafe outline and
 * the labels of the map.
 */
final class MapboxStyle {

    private MapboxStyle() {
    }

    static Map<String, Object> of(String collection, String geometryType, String title, String tilesUrl, Symbology symbology) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "vector");
        source.put("tiles", List.of(tilesUrl));
        source.put("minzoom", 0);
        source.put("maxzoom", 22);
        List<Map<String, Object>> layers = new ArrayList<>();
        if (geometryType.contains("Polygon")) {
            layers.add(layer(collection + "-fill", "fill", collection, Map.of(), fillPaint(collection, symbology)));
            layers.add(layer(collection + "-outline", "line", collection, Map.of(), Map.of("line-color", statusColor(symbology),
                    "line-width", 2.5)));
        }
        else if (geometryType.contains("LineString")) {
            layers.add(layer(collection, "line", collection, Map.of("line-cap", symbology.line(collection).lineCap(), "line-join",
                    "round"), linePaint(collection, symbology)));
        }
        else {
            layers.add(layer(collection, "circle", collection, Map.of(), circlePaint(collection, symbology)));
            String label = symbology.markerLabel(collection);
            if (label != null) {
                layers.add(layer(collection + "-class", "symbol", collection,
                        Map.of("text-field", List.of("to-string", List.of("get", label)), "text-size", 11,
                                "text-allow-overlap", true),
                        Map.of("text-color", "#111111")));
            }
        }
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("text-field", List.of("get", "name"));
        names.put("text-size", 12);
        names.put("text-offset", List.of(0, 1.2));
        names.put("text-anchor", "top");
        if (geometryType.contains("LineString")) {
            names.put("symbol-placement", "line");
        }
        Map<String, Object> nameLayer = layer(collection + "-name", "symbol", collection, names,
                Map.of("text-color", "#1F2933", "text-halo-color", symbology.haloColor(), "text-halo-width", 1.5));
        nameLayer.put("minzoom", 14);
        layers.add(nameLayer);
        Map<String, Object> style = new LinkedHashMap<>();
        style.put("version", 8);
        style.put("name", title);
        style.put("sources", Map.of(collection, source));
        style.put("glyphs", "https://demotiles.maplibre.org/font/{fontstack}/{range}.pbf");
        style.put("layers", layers);
        return style;
    }

    private static Map<String, Object> layer(String id, String type, String sourceLayer, Map<String, Object> layout,
            Map<String, Object> paint) {
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("id", id);
        layer.put("type", type);
        layer.put("source", sourceLayer);
        layer.put("source-layer", sourceLayer);
        if (!layout.isEmpty()) {
            layer.put("layout", layout);
        }
        layer.put("paint", paint);
        return layer;
    }

    /** ["match", ["get", column], code, colour, ..., fallback]. */
    private static List<Object> match(String column, Map<String, ?> values, Object fallback) {
        List<Object> match = new ArrayList<>(List.of("match", List.of("get", column)));
        values.forEach((code, value) -> {
            match.add(code);
            match.add(value);
        });
        match.add(fallback);
        return match;
    }

    private static List<Object> statusColor(Symbology symbology) {
        return match("status", symbology.statusColors(), symbology.statusColors().get("none"));
    }

    private static Map<String, Object> fillPaint(String collection, Symbology symbology) {
        if (collection.equals("land_parcel")) {
            return Map.of("fill-color", match("category", symbology.parcelCategoryColors(), "#BBBBBB"), "fill-opacity", 0.55);
        }
        return Map.of("fill-color", statusColor(symbology), "fill-opacity", 0.16);
    }

    private static Map<String, Object> linePaint(String collection, Symbology symbology) {
        Symbology.Line line = symbology.line(collection);
        Symbology.WeightBy by = symbology.weightBy(collection);
        Object width = by == null ? line.weight()
                : match(by.column(), by.weights(), by.otherwise() == null ? line.weight() : by.otherwise());
        Map<String, Object> paint = new LinkedHashMap<>();
        paint.put("line-color", statusColor(symbology));
        paint.put("line-width", width);
        if (line.dashArray() != null) {
            // Leaflet dashes are pixels; GL dashes are multiples of the line width.
            paint.put("line-dasharray", Arrays.stream(line.dashArray().split(" "))
                .map(d -> Math.round(Double.parseDouble(d) / line.weight() * 100) / 100.0)
                .toList());
        }
        return paint;
    }

    private static Map<String, Object> circlePaint(String collection, Symbology symbology) {
        Symbology.Unsafe unsafe = symbology.unsafe(collection);
        Map<String, Object> paint = new LinkedHashMap<>();
        paint.put("circle-color", statusColor(symbology));
        paint.put("circle-radius", 7);
        if (unsafe == null) {
            paint.put("circle-stroke-color", symbology.haloColor());
            paint.put("circle-stroke-width", 2);
        }
        else {
            List<Object> test = unsafe.atLeast() != null
                    ? List.of(">=", List.of("to-number", List.of("get", unsafe.column()), 0), unsafe.atLeast())
                    : List.of("==", List.of("get", unsafe.column()), unsafe.equals());
            paint.put("circle-stroke-color", List.of("case", test, symbology.unsafeColor(), symbology.haloColor()));
            paint.put("circle-stroke-width", List.of("case", test, 3, 2));
        }
        return paint;
    }

}
