package cn.hetu.tiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.sebasbaumh.mapbox.vectortile.VectorTile;

/**
 * A Mapbox vector tile as the tests read it: layers, their extent, and each feature's id, geometry
 * type and properties, decoded with mapbox-vector-tile-java's protobuf classes.
 */
public final class MvtReader {

    public record Layer(String name, int extent, List<Feature> features) {

        public List<Long> ids() {
            return features.stream().map(Feature::id).toList();
        }
    }

    /** @param type 1 point, 2 line string, 3 polygon */
    public record Feature(long id, int type, Map<String, Object> properties) {
    }

    private MvtReader() {
    }

    public static List<Layer> layers(byte[] tile) {
        try {
            return VectorTile.Tile.parseFrom(tile).getLayersList().stream()
                .map(layer -> new Layer(layer.getName(), layer.getExtent(),
                        layer.getFeaturesList().stream().map(feature -> feature(layer, feature)).toList()))
                .toList();
        }
        catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not a vector tile: " + e.getMessage(), e);
        }
    }

    private static Feature feature(VectorTile.Tile.Layer layer, VectorTile.Tile.Feature feature) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i + 1 < feature.getTagsCount(); i += 2) {
            properties.put(layer.getKeys(feature.getTags(i)), value(layer.getValues(feature.getTags(i + 1))));
        }
        return new Feature(feature.getId(), feature.getType().getNumber(), properties);
    }

    private static Object value(VectorTile.Tile.Value value) {
        if (value.hasStringValue()) {
            return value.getStringValue();
        }
        if (value.hasFloatValue()) {
            return value.getFloatValue();
        }
        if (value.hasDoubleValue()) {
            return value.getDoubleValue();
        }
        if (value.hasIntValue()) {
            return value.getIntValue();
        }
        if (value.hasUintValue()) {
            return value.getUintValue();
        }
        if (value.hasSintValue()) {
            return value.getSintValue();
        }
        return value.hasBoolValue() ? value.getBoolValue() : null;
    }

}
