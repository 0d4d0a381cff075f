package cn.hetu.tiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.hetu.catalog.Column;

/** A TileJSON 3.0.0 document: where a collection's tiles are, which zooms, where the data lies, and its fields. */
record TileJson(String tilejson, String name, String description, List<String> tiles, int minzoom, int maxzoom,
        double[] bounds, @JsonProperty("vector_layers") List<VectorLayer> vectorLayers) {

    record VectorLayer(String id, String description, int minzoom, int maxzoom, Map<String, String> fields) {
    }

    static TileJson of(TileLayer layer, String tilesUrl, double[] bounds, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Column column : layer.fields()) {
            fields.put(column.name(), switch (column.type()) {
                case INTEGER, NUMBER -> "Number";
                case BOOLEAN -> "Boolean";
                default -> "String";
            });
        }
        String title = layer.layer().title(locale);
        VectorLayer vectorLayer = new VectorLayer(layer.id(), title, 0, Tile.MAX_ZOOM, fields);
        return new TileJson("3.0.0", title, layer.layer().description(locale), List.of(tilesUrl), 0, Tile.MAX_ZOOM,
                bounds, List.of(vectorLayer));
    }

}
