package cn.hetu.ogcapi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.catalog.ColumnRules;
import cn.hetu.catalog.Labels;
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

    private final ColumnRules rules;

    private final Labels labels;

    CollectionsController(LayerAccess access, FeatureStore store, County county, ColumnRules rules, Labels labels) {
        this.rules = rules;
        this.labels = labels;
        this.county = county;
        this.access = access;
        this.store = store;
    }

    @GetMapping(path = "/ogc/collections", produces = { MediaTypes.JSON, MediaTypes.HTML })
    ResponseEntity<?> collections(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
            Locale locale) {
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        Links links = Links.of(request);
        List<Layer> layers = access.readableCollections();
        if (HtmlPages.wanted(params, request)) {
            HtmlPages page = new HtmlPages(HtmlPages.language(params, locale));
            String query = HtmlPages.query(params);
            List<List<HtmlPages.Cell>> rows = layers.stream()
                .map(layer -> List.of(HtmlPages.Cell.link(links.url("/ogc/collections/" + layer.id() + query), title(layer, page)),
                        HtmlPages.Cell.text(layer.id()), HtmlPages.Cell.text(description(layer, page)),
                        HtmlPages.Cell.link(links.url("/ogc/collections/" + layer.id() + "/items" + query),
                                page.say("要素", "Features"))))
                .toList();
            return HtmlPages.answer(page.open(page.say("数据集合", "Collections"), links.url("/ogc/collections?f=json"),
                    MediaTypes.JSON, links.url("/ogc" + query))
                .table(List.of(page.say("名称", "Title"), page.say("标识", "Identifier"), page.say("说明", "Description"),
                        page.say("要素", "Features")), rows)
                .close());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new Documents.Collections(
                List.of(links.link("/ogc/collections", "self", MediaTypes.JSON, "Collections"),
                        links.link("/ogc/collections?f=html", "alternate", MediaTypes.HTML, "Collections as HTML")),
                layers.stream().map(layer -> describe(layer, links, locale)).toList()));
    }

    @GetMapping(path = "/ogc/collections/{collectionId}", produces = { MediaTypes.JSON, MediaTypes.HTML })
    ResponseEntity<?> collection(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request, Locale locale) {
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        Layer layer = access.readable(collectionId);
        Links links = Links.of(request);
        if (!HtmlPages.wanted(params, request)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(describe(layer, links, locale));
        }
        HtmlPages page = new HtmlPages(HtmlPages.language(params, locale));
        String query = HtmlPages.query(params);
        String path = "/ogc/collections/" + layer.id();
        Documents.Spatial spatial = describe(layer, links, locale).extent().spatial();
        Map<String, Object> queryables = Queryables.of(layer, links.url(path + "/queryables"), rules, labels,
                HtmlPages.language(params, locale));
        page.open(title(layer, page), links.url(path + "?f=json"), MediaTypes.JSON, links.url("/ogc" + query))
            .paragraph(description(layer, page))
            .linkList(collectionLinks(layer, links, page, query));
        if (spatial != null) {
            page.paragraph(page.say("范围（经纬度）：", "Extent (longitude, latitude): ") + Arrays.toString(spatial.bbox().get(0)));
        }
        return HtmlPages.answer(page.heading(page.say("可查询属性", "Queryables"))
            .table(List.of(page.say("属性", "Property"), page.say("名称", "Title"), page.say("类型", "Type")),
                    HtmlPages.queryableRows(queryables))
            .close());
    }

    /** The river chief system's records are not drawn on the map: only asset collections link tiles and styles. */
    private static List<String[]> collectionLinks(Layer layer, Links links, HtmlPages page, String query) {
        String path = "/ogc/collections/" + layer.id();
        List<String[]> list = new ArrayList<>();
        list.add(new String[] { links.url(path + "/items" + query), page.say("浏览要素", "Browse the features") });
        list.add(new String[] { links.url(path + "/queryables"), page.say("可查询属性（JSON Schema）", "Queryables (JSON Schema)") });
        list.add(new String[] { links.url(path + "/schema"), page.say("属性结构（JSON Schema）", "Schema (JSON Schema)") });
        if (!layer.isRecord()) {
            list.add(new String[] { links.url(path + "/tiles"), page.say("矢量瓦片（OGC API - Tiles）", "Vector tiles (OGC API - Tiles)") });
            list.add(new String[] { links.url(path + "/styles"), page.say("地图样式（Mapbox GL、QGIS）", "Map styles (Mapbox GL, QGIS)") });
        }
        list.add(new String[] { links.url("/ogc/collections" + query), page.say("全部数据集合", "All collections") });
        return list;
    }

    private static String title(Layer layer, HtmlPages page) {
        return page.say(layer.titleZh(), layer.titleEn());
    }

    private static String description(Layer layer, HtmlPages page) {
        return page.say(layer.descriptionZh(), layer.descriptionEn());
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
                links.link(path + "?f=html", "alternate", MediaTypes.HTML, layer.title(locale)),
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
