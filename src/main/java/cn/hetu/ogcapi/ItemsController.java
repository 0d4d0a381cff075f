package cn.hetu.ogcapi;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import cn.hetu.catalog.Column;
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

    /** GeoJSON, or for a browser ({@code f=html} or HTML preferred in Accept) a table of the page with a small map. */
    @GetMapping(path = "/ogc/collections/{collectionId}/items",
            produces = { MediaTypes.GEOJSON, MediaTypes.JSON, MediaTypes.HTML })
    ResponseEntity<StreamingResponseBody> items(@PathVariable String collectionId,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request, Locale locale) {
        Layer layer = access.readable(collectionId);
        ItemsQuery query = parser.parse(layer, params);
        Condition where = ItemsSql.where(layer, query, access.rows(layer, "t"));
        Links links = Links.of(request);
        if (HtmlPages.wanted(params, request)) {
            ByteArrayOutputStream features = new ByteArrayOutputStream();
            features.write('[');
            FeatureStore.Page page = store.writePage(layer, query, where, features);
            features.write(']');
            byte[] html = itemsPage(layer, json.readTree(features.toByteArray()), page, query.crs(), params, links,
                    HtmlPages.language(params, locale)).getBytes(StandardCharsets.UTF_8);
            return ResponseEntity.ok().contentType(HtmlPages.TYPE).body(out -> out.write(html));
        }
        StreamingResponseBody body = out -> {
            OutputStream buffered = new BufferedOutputStream(out, 65536);
            buffered.write("{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.UTF_8));
            FeatureStore.Page page = store.writePage(layer, query, where, buffered);
            StringBuilder tail = new StringBuilder("],\"numberReturned\":").append(page.returned());
            if (page.matched() != null) {
                tail.append(",\"numberMatched\":").append(page.matched());
            }
            tail.append(",\"timeStamp\":\"").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("\",\"links\":")
                .append(json.writeValueAsString(pageLinks(layer, links, params, page)))
                .append('}');
            buffered.write(tail.toString().getBytes(StandardCharsets.UTF_8));
            buffered.flush();
        };
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(MediaTypes.GEOJSON))
            .header("Content-Crs", "<" + query.crs().uri() + ">")
            .body(body);
    }

    @GetMapping(path = "/ogc/collections/{collectionId}/items/{featureId}",
            produces = { MediaTypes.GEOJSON, MediaTypes.JSON, MediaTypes.HTML })
    ResponseEntity<String> item(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request, Locale locale) {
        Layer layer = access.readable(collectionId);
        QueryParameters.allowOnly(params, Set.of("f", "lang", "crs"));
        ItemsQueryParser.checkFormat(params);
        Crs crs = ItemsQueryParser.crs(params);
        LayerAccess.RowScope scope = access.rows(layer, "t");
        FeatureStore.StoredFeature feature = FeatureIds.parse(layer, featureId)
            .flatMap(id -> store.feature(layer, id, crs, scope))
            .orElseThrow(() -> FeatureIds.notFound(layer, featureId));
        if (HtmlPages.wanted(params, request)) {
            return HtmlPages.answer(featurePage(layer, json.readTree(feature.json()), crs, params, Links.of(request),
                    HtmlPages.language(params, locale)));
        }
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
        result.add(links.link(path + "/items" + query(withFormat(params, "html"), null, null), "alternate", MediaTypes.HTML,
                "This page as HTML"));
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

    private String itemsPage(Layer layer, JsonNode features, FeatureStore.Page page, Crs crs,
            MultiValueMap<String, String> params, Links links, Labels.Language language) {
        HtmlPages html = new HtmlPages(language);
        String path = "/ogc/collections/" + layer.id();
        String htmlQuery = HtmlPages.query(params);
        List<Column> columns = layer.columns().stream().filter(c -> c.type().isSimple()).toList();
        List<String> headers = new ArrayList<>(List.of("id"));
        columns.forEach(column -> headers.add(labels.field(layer, column, language)));
        List<List<HtmlPages.Cell>> rows = new ArrayList<>();
        List<JsonNode> geometries = new ArrayList<>();
        for (JsonNode feature : features) {
            String id = feature.path("id").asString("");
            List<HtmlPages.Cell> row = new ArrayList<>(List.of(HtmlPages.Cell.link(
                    links.url(path + "/items/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8) + htmlQuery), id)));
            columns.forEach(column -> row.add(HtmlPages.Cell.text(word(layer, column, feature, language))));
            rows.add(row);
            if (feature.hasNonNull("geometry")) {
                geometries.add(feature.get("geometry"));
            }
        }
        String title = html.say(layer.titleZh(), layer.titleEn());
        html.open(title + " — " + html.say("要素", "Features"), links.url(path + "/items" + query(withFormat(params, "json"), null, null)),
                MediaTypes.GEOJSON, links.url("/ogc" + htmlQuery))
            .linkList(List.<String[]>of(new String[] { links.url(path + htmlQuery), title }))
            .paragraph(html.say("本页 " + page.returned() + " 个要素", page.returned() + " features on this page")
                    + (page.matched() == null ? "" : html.say("，共 " + page.matched() + " 个", ", " + page.matched() + " in all")))
            .map(geometries, crs)
            .pageLinks(page.previousBefore() == null ? null : links.url(path + "/items" + query(params, "before", page.previousBefore())),
                    page.nextAfter() == null ? null : links.url(path + "/items" + query(params, "after", page.nextAfter())))
            .table(headers, rows);
        return html.close();
    }

    private String featurePage(Layer layer, JsonNode feature, Crs crs, MultiValueMap<String, String> params, Links links,
            Labels.Language language) {
        HtmlPages html = new HtmlPages(language);
        String path = "/ogc/collections/" + layer.id();
        String htmlQuery = HtmlPages.query(params);
        String id = feature.path("id").asString("");
        List<List<HtmlPages.Cell>> rows = new ArrayList<>();
        layer.columns().stream().filter(c -> c.type().isSimple()).forEach(column -> rows.add(List.of(
                HtmlPages.Cell.text(labels.field(layer, column, language)),
                HtmlPages.Cell.text(word(layer, column, feature, language)))));
        String title = html.say(layer.titleZh(), layer.titleEn());
        html.open(title + " " + id, links.url(path + "/items/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8)
                + query(withFormat(params, "json"), null, null)), MediaTypes.GEOJSON, links.url("/ogc" + htmlQuery))
            .linkList(List.of(new String[] { links.url(path + htmlQuery), title },
                    new String[] { links.url(path + "/items" + htmlQuery), html.say("全部要素", "All features") }))
            .map(feature.hasNonNull("geometry") ? List.of(feature.get("geometry")) : List.of(), crs)
            .table(List.of(html.say("属性", "Property"), html.say("值", "Value")), rows);
        return html.close();
    }

    /** A property as the map shows it: coded values in words, other values as they are. */
    private String word(Layer layer, Column column, JsonNode feature, Labels.Language language) {
        String value = value(feature.path("properties").get(column.name()));
        return labels.values(layer.id(), column.name(), language).getOrDefault(value, value);
    }

    private static String value(JsonNode node) {
        return node == null || node.isNull() ? "" : node.isValueNode() ? node.asString() : node.toString();
    }

    /** The parameters with the format set, for the alternate links between JSON and HTML. */
    private static MultiValueMap<String, String> withFormat(MultiValueMap<String, String> params, String format) {
        MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(params);
        copy.set("f", format);
        return copy;
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
