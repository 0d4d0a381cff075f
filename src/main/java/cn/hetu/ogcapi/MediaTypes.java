package cn.hetu.ogcapi;

/** Media types of the feature API, in one place. */
final class MediaTypes {

    static final String JSON = "application/json";

    static final String GEOJSON = "application/geo+json";

    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

    static final String SCHEMA = "application/schema+json";

    static final String HTML = "text/html";

    private MediaTypes() {
    }

}
