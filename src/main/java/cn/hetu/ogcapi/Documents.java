package cn.hetu.ogcapi;

import java.util.List;

/** The JSON documents of the feature API other than features, as immutable records. */
final class Documents {

    record LandingPage(String title, String description, List<Link> links) {
    }

    record Conformance(List<String> conformsTo) {
    }

    record Collections(List<Link> links, List<Collection> collections) {
    }

    record Collection(String id, String title, String description, List<Link> links, Extent extent,
            String itemType, List<String> crs, String storageCrs) {
    }

    record Extent(Spatial spatial, Temporal temporal) {
    }

    record Spatial(List<double[]> bbox, String crs) {
    }

    record Temporal(List<List<String>> interval, String trs) {
    }

    private Documents() {
    }

}
