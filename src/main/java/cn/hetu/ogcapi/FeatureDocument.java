package cn.hetu.ogcapi;

import java.util.List;

import tools.jackson.databind.ObjectMapper;

import cn.hetu.catalog.Layer;

/** A single feature as served: PostGIS's GeoJSON with the self and collection links added. */
final class FeatureDocument {

    private FeatureDocument() {
    }

    static String withLinks(String feature, Layer layer, String featureId, Links links, ObjectMapper json) {
        String path = "/ogc/collections/" + layer.id();
        List<Link> featureLinks = List.of(links.link(path + "/items/" + featureId, "self", MediaTypes.GEOJSON, null),
                links.link(path + "/items/" + featureId + "?f=html", "alternate", MediaTypes.HTML, "This feature as HTML"),
                links.link(path, "collection", MediaTypes.JSON, layer.titleZh()));
        return feature.substring(0, feature.length() - 1) + ",\"links\":" + json.writeValueAsString(featureLinks) + "}";
    }

}
