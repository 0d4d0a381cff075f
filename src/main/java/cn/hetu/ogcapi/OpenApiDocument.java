package cn.hetu.ogcapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.hetu.catalog.Column;
import cn.hetu.catalog.Layer;

/**
 * The OpenAPI 3.0 definition of the feature, tiles and styles API, generated from the catalogue so that every
 * collection's paths and filter parameters are described.
 */
final class OpenApiDocument {

    private static final Map<String, Object> JSON_OBJECT = Map.of("schema", Map.of("type", "object"));

    private static final Map<String, Object> HTML_PAGE = Map.of("schema", Map.of("type", "string"));

    private static final Map<String, Object> BINARY = Map.of("schema", Map.of("type", "string", "format", "binary"));

    private static final String MVT = "application/vnd.mapbox-vector-tile";

    private static final Map<String, Object> TILE_MATRIX_SET = path("tileMatrixSetId", "Tile matrix set (WebMercatorQuad)",
            Map.of("type", "string", "enum", List.of("WebMercatorQuad")));

    private static final List<Map<String, Object>> TILE_CELL = List.of(TILE_MATRIX_SET,
            path("tileMatrix", "Zoom level", Map.of("type", "integer", "minimum", 0)),
            path("tileRow", "Row, from the north", Map.of("type", "integer", "minimum", 0)),
            path("tileCol", "Column, from the west", Map.of("type", "integer", "minimum", 0)));

    private OpenApiDocument() {
    }

    /** @param crsUris the CRSs offered, the county's Gauss-Krüger zones among them */
    static Map<String, Object> of(String serverUrl, List<Layer> layers, List<String> crsUris) {
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("Landing page", "getLandingPage", List.of(), Map.of(MediaTypes.JSON, JSON_OBJECT, MediaTypes.HTML, HTML_PAGE)));
        paths.put("/conformance", get("Conformance classes", "getConformance", List.of(),
                Map.of(MediaTypes.JSON, JSON_OBJECT, MediaTypes.HTML, HTML_PAGE)));
        paths.put("/api", get("This API definition", "getApi", List.of(), Map.of(MediaTypes.OPENAPI, JSON_OBJECT)));
        paths.put("/collections", get("Collections", "getCollections", List.of(),
                Map.of(MediaTypes.JSON, JSON_OBJECT, MediaTypes.HTML, HTML_PAGE)));
        paths.put("/tileMatrixSets", get("Tile matrix sets", "getTileMatrixSetsList", List.of(),
                Map.of(MediaTypes.JSON, JSON_OBJECT)));
        paths.put("/tileMatrixSets/{tileMatrixSetId}", get("One tile matrix set", "getTileMatrixSet",
                List.of(TILE_MATRIX_SET), Map.of(MediaTypes.JSON, JSON_OBJECT)));
        paths.put("/tiles", get("Vector tilesets of every collection", "getDatasetTileSetsList", List.of(),
                Map.of(MediaTypes.JSON, JSON_OBJECT)));
        paths.put("/tiles/{tileMatrixSetId}", get("Vector tileset of every collection", "getDatasetTileSet",
                List.of(TILE_MATRIX_SET), Map.of(MediaTypes.JSON, JSON_OBJECT)));
        List<Map<String, Object>> datasetTile = new ArrayList<>(TILE_CELL);
        datasetTile.add(query("collections", "Comma-separated collections (default: every readable one)",
                Map.of("type", "string"), false));
        paths.put("/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", tile("A vector tile, a layer per collection",
                "getDatasetTile", datasetTile));
        for (Layer layer : layers) {
            String base = "/collections/" + layer.id();
            String title = layer.titleZh() + " (" + layer.titleEn() + ")";
            paths.put(base, get(title, "describe_" + layer.id(), List.of(),
                    Map.of(MediaTypes.JSON, JSON_OBJECT, MediaTypes.HTML, HTML_PAGE)));
            Map<String, Object> items = new LinkedHashMap<>(get(title + ": features", "getFeatures_" + layer.id(),
                    itemsParameters(layer, crsUris), Map.of(MediaTypes.GEOJSON, JSON_OBJECT, MediaTypes.HTML, HTML_PAGE)));
            if (!layer.isRecord()) {
                items.put("post", write("Create a " + layer.id(), "createFeature_" + layer.id(), List.of(),
                        MediaTypes.GEOJSON, "201"));
            }
            paths.put(base + "/items", items);
            Map<String, Object> featureId = Map.of("name", "featureId", "in", "path", "required", true, "schema",
                    Map.of("type", "string"));
            Map<String, Object> ifMatch = Map.of("name", "If-Match", "in", "header", "required", false, "description",
                    "The ETag the client read; a stale one is refused with 412", "schema", Map.of("type", "string"));
            Map<String, Object> item = new LinkedHashMap<>(get(title + ": one feature", "getFeature_" + layer.id(),
                    List.of(featureId, crsParameter("crs", "CRS of the geometry in the response", crsUris)),
                    Map.of(MediaTypes.GEOJSON, JSON_OBJECT, MediaTypes.HTML, HTML_PAGE)));
            if (!layer.isRecord()) {
                item.put("put", write("Replace a " + layer.id(), "replaceFeature_" + layer.id(),
                        List.of(featureId, ifMatch), MediaTypes.GEOJSON, "200"));
                item.put("patch", write("Update a " + layer.id() + " (JSON merge patch)", "updateFeature_" + layer.id(),
                        List.of(featureId, ifMatch), "application/merge-patch+json", "200"));
                item.put("delete", write("Delete a " + layer.id(), "deleteFeature_" + layer.id(),
                        List.of(featureId, ifMatch), null, "204"));
            }
            paths.put(base + "/items/{featureId}", item);
            paths.put(base + "/queryables", get(title + ": queryables", "getQueryables_" + layer.id(), List.of(),
                    Map.of(MediaTypes.SCHEMA, JSON_OBJECT)));
            paths.put(base + "/schema", get(title + ": schema", "getSchema_" + layer.id(), List.of(),
                    Map.of(MediaTypes.SCHEMA, JSON_OBJECT)));
            if (!layer.isRecord()) {
                putTilesAndStyles(paths, base, title, layer);
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Hetu 河图 — OGC API - Features, Tiles, Styles", "version", "1.0.0", "description",
                "县域资产与重点项目登记 / County asset and project registry"));
        doc.put("servers", List.of(Map.of("url", serverUrl)));
        doc.put("paths", paths);
        return doc;
    }

    /** The river chief system's records are not drawn on the map: only asset collections have tiles and styles. */
    private static void putTilesAndStyles(Map<String, Object> paths, String base, String title, Layer layer) {
        paths.put(base + "/tiles", get(title + ": vector tilesets", "getTileSetsList_" + layer.id(), List.of(),
                Map.of(MediaTypes.JSON, JSON_OBJECT)));
        paths.put(base + "/tiles/{tileMatrixSetId}", get(title + ": vector tileset", "getTileSet_" + layer.id(),
                List.of(TILE_MATRIX_SET), Map.of(MediaTypes.JSON, JSON_OBJECT)));
        List<Map<String, Object>> tileParameters = new ArrayList<>(TILE_CELL);
        for (Column column : layer.columns()) {
            if (column.type().isSimple()) {
                tileParameters.add(query(column.name(), "Equal to this value", Queryables.schema(column), false));
            }
        }
        paths.put(base + "/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
                tile(title + ": a vector tile", "getTile_" + layer.id(), tileParameters));
        paths.put(base + "/styles", get(title + ": styles", "getStyles_" + layer.id(), List.of(),
                Map.of(MediaTypes.JSON, JSON_OBJECT)));
        paths.put(base + "/styles/{styleId}", get(title + ": one style", "getStyle_" + layer.id(),
                List.of(path("styleId", "Style (hetu)", Map.of("type", "string", "enum", List.of("hetu"))),
                        query("f", "Style encoding", Map.of("type", "string", "enum", List.of("mapbox", "qml"),
                                "default", "mapbox"), false)),
                Map.of("application/vnd.mapbox.style+json", JSON_OBJECT, "application/vnd.qgis.qml", HTML_PAGE)));
    }

    /** A tile: 204 when nothing lies in it. */
    private static Map<String, Object> tile(String summary, String operationId, List<?> parameters) {
        Map<String, Object> responses = responses(Map.of(MVT, BINARY));
        responses.put("204", Map.of("description", "No feature in this tile"));
        return Map.of("get", operation(summary, operationId, parameters, responses));
    }

    private static Map<String, Object> path(String name, String description, Map<String, Object> schema) {
        return Map.of("name", name, "in", "path", "required", true, "description", description, "schema", schema);
    }

    private static List<Map<String, Object>> itemsParameters(Layer layer, List<String> crsUris) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        parameters.add(query("limit", "Features per page (1-10000, default 100)",
                Map.of("type", "integer", "minimum", 1, "maximum", 10000, "default", 100), false));
        parameters.add(query("bbox", "minLon,minLat,maxLon,maxLat in CRS84",
                Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number")), false));
        parameters.add(query("datetime", "An instant or an interval (start/end, '..' for open)", Map.of("type", "string"),
                false));
        Map<String, Object> idSchema = layer.isRecord() ? Map.of("type", "string", "format", "uuid")
                : Map.of("type", "integer");
        parameters.add(query("after", "Keyset cursor: the id after which the page starts (from the next link)", idSchema,
                false));
        parameters.add(query("before", "Keyset cursor: the id before which the page ends (from the prev link)", idSchema,
                false));
        parameters.add(query("f", "Response format", Map.of("type", "string", "enum", List.of("json", "geojson", "html")), false));
        parameters.add(crsParameter("crs", "CRS of the geometries in the response (default CRS84)", crsUris));
        parameters.add(crsParameter("bbox-crs", "CRS of bbox, in its axis order (default CRS84)", crsUris));
        parameters.add(query("filter", "CQL2 filter on the queryables", Map.of("type", "string"), false));
        parameters.add(query("filter-lang", "Encoding of filter",
                Map.of("type", "string", "enum", List.of("cql2-text", "cql2-json"), "default", "cql2-text"), false));
        parameters.add(crsParameter("filter-crs", "CRS of the geometries in filter (default CRS84)", crsUris));
        for (Column column : layer.columns()) {
            if (column.type().isSimple()) {
                parameters.add(query(column.name(), "Equal to this value", Queryables.schema(column), false));
            }
        }
        return parameters;
    }

    private static Map<String, Object> query(String name, String description, Map<String, Object> schema, boolean explode) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", name);
        parameter.put("in", "query");
        parameter.put("description", description);
        parameter.put("required", false);
        parameter.put("style", "form");
        parameter.put("explode", explode);
        parameter.put("schema", schema);
        return parameter;
    }

    private static Map<String, Object> crsParameter(String name, String description, List<String> crsUris) {
        return query(name, description, Map.of("type", "string", "format", "uri", "enum", crsUris), false);
    }

    private static Map<String, Object> write(String summary, String operationId, List<?> parameters, String bodyType,
            String success) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put(success, Map.of("description", "Done"));
        responses.put("400", Map.of("description", "Invalid feature (problem details)"));
        responses.put("401", Map.of("description", "Sign in first"));
        responses.put("403", Map.of("description", "Not allowed for this user"));
        responses.put("409", Map.of("description", "Based on an old version"));
        responses.put("412", Map.of("description", "If-Match does not match the current ETag"));
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("summary", summary);
        operation.put("operationId", operationId);
        operation.put("parameters", parameters);
        if (bodyType != null) {
            operation.put("requestBody", Map.of("required", true, "content", Map.of(bodyType, JSON_OBJECT)));
        }
        operation.put("responses", responses);
        return operation;
    }

    private static Map<String, Object> get(String summary, String operationId, List<?> parameters,
            Map<String, Object> content) {
        return Map.of("get", operation(summary, operationId, parameters, responses(content)));
    }

    private static Map<String, Object> responses(Map<String, Object> content) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "OK", "content", content));
        responses.put("400", Map.of("description", "Invalid parameter (problem details)"));
        responses.put("404", Map.of("description", "Not found (problem details)"));
        return responses;
    }

    private static Map<String, Object> operation(String summary, String operationId, List<?> parameters,
            Map<String, Object> responses) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("summary", summary);
        operation.put("operationId", operationId);
        operation.put("parameters", parameters);
        operation.put("responses", responses);
        return operation;
    }

}
