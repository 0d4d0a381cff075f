package cn.hetu.ogcapi;

import java.util.Optional;

import cn.hetu.catalog.Layer;
import cn.hetu.system.NotFoundException;

/** Feature ids in paths: numbers; anything else names no feature. */
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

    static long require(Layer layer, String text) {
        return parse(text).orElseThrow(() -> notFound(layer, text));
    }

    static NotFoundException notFound(Layer layer, String featureId) {
        return new NotFoundException("Feature '" + featureId + "' does not exist in " + layer.id());
    }

}
