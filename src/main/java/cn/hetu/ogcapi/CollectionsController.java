package cn.hetu.ogcapi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.catalog.Layer;
import cn.hetu.county.County;
import cn.hetu.geo.Crs;
import cn.hetu.security.LayerAccess;

/** The collection list and each collection's description with its extent. */
@RestController
class CollectionsController {

    private final LayerAccess access;

    private final FeatureStore store;

    private final County county;

    CollectionsController(LayerAccess access, FeatureStore store, County county) {
        this.county = county;
        this.access = access;
        this.store = store;
    }

    @GetMapping(path = "/ogc/collections", produces = MediaTypes.JSON)
    Documents.Collections collections(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
            Locale locale) {
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        Links links = Links.of(request);
        return new Documents.Collections(List.of(links.link("/ogc/collections", "self", MediaTypes.JSON, "Collections")),
                access.readableCollections().stream().map(layer -> describe(layer, links, locale)).toList());
    }

    @GetMapping(path = "/ogc/collections/{collectionId}", produces = MediaTypes.JSON)
    Documents.Collection collection(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request, Locale locale) {
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        return describe(access.readable(collectionId), Links.of(request), locale);
    }

    private Documents.Collection describe(Layer layer, Links links, Locale locale) {
        FeatureStore.Extent extent = store.extent(layer, access.rows(layer, "t"));
        Documents.Spatial spatial = extent.bbox() == null ? null
                : new Documents.Spatial(List.of(outward(extent.bbox(), Crs.CRS84.decimals())), Crs.CRS84.uri());
        Documents.Temporal temporal = layer.hasTime()
                ? new Documents.Temporal(List.of(Arrays.asList(dateTime(extent.start()), dateTime(extent.end()))),
                        "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian")
                : null;
        return new Documents.Collection(layer.id(), layer.title(locale), layer.description(locale),
                links(layer, links, locale),
                new Documents.Extent(spatial, temporal), "feature", county.crsUris(), Crs.CGCS2000.uri());
    }

    /** Features, queryables and, for asset layers (records are not drawn), vector tiles and map styles. */
    private static List<Link> links(Layer layer, Links links, Locale locale) {
        String path = "/ogc/collections/" + layer.id();
        List<Link> result = new ArrayList<>(List.of(links.link(path, "self", MediaTypes.JSON, layer.title(locale)),
                links.link(path + "/items", "items", MediaTypes.GEOJSON, layer.title(locale)),
                links.link(path + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables", MediaTypes.SCHEMA,
                        "Queryables")));
        if (!layer.isRecord()) {
            result.add(links.link(path + "/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", MediaTypes.JSON,
                    "Vector tiles"));
            result.add(links.link(path + "/styles", "http://www.opengis.net/def/rel/ogc/1.0/styles", MediaTypes.JSON,
                    "Map styles (Mapbox GL, QGIS QML)"));
        }
        return result;
    }

    /**
     * The box rounded outward to the decimals that coordinates are served with, so that no served
     * feature lies outside its collection's extent by a rounding.
     */
    static double[] outward(double[] bbox, int decimals) {
        int half = bbox.length / 2;
        double[] box = new double[bbox.length];
        for (int i = 0; i < bbox.length; i++) {
            box[i] = BigDecimal.valueOf(bbox[i]).setScale(decimals, i < half ? RoundingMode.FLOOR : RoundingMode.CEILING)
                .doubleValue();
        }
        return box;
    }

    /** Dates of the temporal extent as RFC 3339 date-times, as the standard asks. */
    private static String dateTime(String value) {
        return value == null || value.length() != 10 ? value : value + "T00:00:00Z";
    }

}
