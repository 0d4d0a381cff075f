package cn.hetu.ogcapi;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.ObjectMapper;

import cn.hetu.catalog.Condition;
import cn.hetu.catalog.Layer;
import cn.hetu.catalog.ColumnRules;
import cn.hetu.catalog.Labels;
import cn.hetu.geo.Crs;
import cn.hetu.security.LayerAccess;

/** Feature pages, single features and the queryables of a collection. */
@RestController
class ItemsController {

    private final LayerAccess access;

    private final ItemsQueryParser parser;

    private final FeatureStore store;

    private final ObjectMapper json;

    private final ColumnRules rules;

    private final Labels labels;

    ItemsController(LayerAccess access, ItemsQueryParser parser, FeatureStore store, ObjectMapper json, ColumnRules rules,
            Labels labels) {
        this.rules = rules;
        this.labels = labels;
        this.access = access;
        this.parser = parser;
        this.store = store;
        this.json = json;
    }

    /** GeoJSON only, so a client that takes only HTML gets 406 rather than a document it did not ask for. */
    @GetMapping(path = "/ogc/collections/{collectionId}/items", produces = { MediaTypes.GEOJSON, MediaTypes.JSON })
    ResponseEntity<StreamingResponseBody> items(@PathVariable String collectionId,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        Layer layer = access.readable(collectionId);
        ItemsQuery query = parser.parse(layer, params);
        Condition where = ItemsSql.where(layer, query, access.rows(layer, "t"));
        Links links = Links.of(request);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536);
            writer.write("{\"type\":\"FeatureCollection\",\"features\":[");
            FeatureStore.Page page = store.writePage(layer, query, where, writer);
            writer.write("],\"numberReturned\":" + page.returned());
            if (page.matched() != null) {
                writer.write(",\"numberMatched\":" + page.matched());
            }
            writer.write(",\"timeStamp\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"links\":");
            writer.write(json.writeValueAsString(pageLinks(layer, links, params, page)));
            writer.write("}");
            writer.flush();
        };
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(MediaTypes.GEOJSON))
            .header("Content-Crs", "<" + query.crs().uri() + ">")
            .body(body);
    }

    @GetMapping(path = "/ogc/collections/{collectionId}/items/{featureId}", produces = { MediaTypes.GEOJSON, MediaTypes.JSON })
    ResponseEntity<String> item(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        Layer layer = access.readable(collectionId);
        QueryParameters.allowOnly(params, Set.of("f", "lang", "crs"));
        ItemsQueryParser.checkFormat(params);
        Crs crs = ItemsQueryParser.crs(params);
        LayerAccess.RowScope scope = access.rows(layer, "t");
        FeatureStore.StoredFeature feature = FeatureIds.parse(layer, featureId)
            .flatMap(id -> store.feature(layer, id, crs, scope))
            .orElseThrow(() -> FeatureIds.notFound(layer, featureId));
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(MediaTypes.GEOJSON))
            .eTag(feature.etag())
            .header("Content-Crs", "<" + crs.uri() + ">")
            .body(FeatureDocument.withLinks(feature.json(), layer, featureId, Links.of(request), json));
    }

    @GetMapping(path = "/ogc/collections/{collectionId}/queryables",
            produces = { MediaTypes.SCHEMA, MediaTypes.JSON })
    Map<String, Object> queryables(@PathVariable String collectionId, @RequestParam(required = false) String lang,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request, Locale locale) {
        Layer layer = access.readable(collectionId);
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        return Queryables.of(layer, Links.of(request).url("/ogc/collections/" + layer.id() + "/queryables"), rules, labels,
                Labels.Language.of(lang, locale));
    }

    private static List<Link> pageLinks(Layer layer, Links links, MultiValueMap<String, String> params,
            FeatureStore.Page page) {
        String path = "/ogc/collections/" + layer.id();
        List<Link> result = new ArrayList<>();
        result.add(links.link(path + "/items" + query(params, null, null), "self", MediaTypes.GEOJSON, "This page"));
        result.add(links.link(path, "collection", MediaTypes.JSON, layer.titleZh()));
        if (page.nextAfter() != null) {
            result.add(links.link(path + "/items" + query(params, "after", page.nextAfter()), "next", MediaTypes.GEOJSON,
                    "Next page"));
        }
        if (page.previousBefore() != null) {
            result.add(links.link(path + "/items" + query(params, "before", page.previousBefore()), "prev",
                    MediaTypes.GEOJSON, "Previous page"));
        }
        return result;
    }

    /** The request's own query string; for next and prev links with its keyset cursor replaced. */
    private static String query(MultiValueMap<String, String> params, String cursor, Object id) {
        UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
        params.forEach((name, values) -> {
            if (cursor == null || !(name.equals("after") || name.equals("before"))) {
                values.forEach(v -> builder.queryParam(name, v));
            }
        });
        if (cursor != null) {
            builder.queryParam(cursor, id);
        }
        return builder.encode().build().toUriString();
    }

}
