package cn.hetu.tiles;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import cn.hetu.catalog.Column;
import cn.hetu.catalog.Layer;

/**
 * A collection as a tile layer: its name and the attributes each feature carries. A map needs
 * the id (also the MVT feature id), what it labels and filters by, and what it draws with; the
 * rest of a feature comes from the feature API when someone clicks it, so tiles stay small.
 */
record TileLayer(Layer layer, List<Column> fields) {

    private static final List<String> COMMON = List.of("id", "code", "name", "status", "department");

    /** Attributes that decide a feature's symbol on the map, beyond its status colour. */
    private static final Map<String, List<String>> SYMBOLOGY = Map.of(
            "sluice", List.of("safety_class"),
            "bridge", List.of("condition"),
            "land_parcel", List.of("category", "disposal_status"),
            "ditch", List.of("class", "treated"));

    static TileLayer of(Layer layer) {
        List<Column> fields = Stream.concat(COMMON.stream(), SYMBOLOGY.getOrDefault(layer.id(), List.of()).stream())
            .flatMap(name -> layer.column(name).stream())
            .toList();
        return new TileLayer(layer, fields);
    }

    String id() {
        return layer.id();
    }

    /**
     * The attribute a generalised cell is coloured by: the first symbology field, else the work
     * status (the SQL function tile_class_column of V170 picks the same, for the triggers).
     */
    Optional<Column> classColumn() {
        return layer.column(SYMBOLOGY.getOrDefault(layer.id(), List.of("status")).get(0));
    }

}
