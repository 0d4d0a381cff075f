package cn.hetu.ogcapi;

import java.util.Optional;
import java.util.UUID;

import cn.hetu.catalog.Layer;
import cn.hetu.system.NotFoundException;

/** Feature ids in paths: numbers, or UUIDs for the river chief system's records; anything else names no feature. */
final class FeatureIds {

    private FeatureIds() {
    }

    static Optional<Long> parse(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The id as the layer's key type: a Long for assets, a UUID for records. */
    static Optional<Object> parse(Layer layer, String text) {
        if (!layer.isRecord()) {
            return parse(text).map(Object.class::cast);
        }
        try {
            return Optional.of(UUID.fromString(text));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static long require(Layer layer, String text) {
        return parse(text).orElseThrow(() -> notFound(layer, text));
    }

    static NotFoundException notFound(Layer layer, String featureId) {
        return new NotFoundException("Feature '" + featureId + "' does not exist in " + layer.id());
    }

}
