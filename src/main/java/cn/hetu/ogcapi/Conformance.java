package cn.hetu.ogcapi;

import java.util.List;

/** The conformance classes this server implements; a class is listed only once it is complete. */
final class Conformance {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    static final List<String> CLASSES = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking-etags");

    private Conformance() {
    }

}
