package cn.hetu.tiles;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Layer;
import cn.hetu.catalog.Condition;
import cn.hetu.ogcapi.QueryParameters;
import cn.hetu.query.ItemsFilter;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.NotFoundException;

/**
 * OGC API - Tiles over the same vector tiles as {@code /tiles/...}: the tile matrix set, each collection's
 * tileset and a dataset tileset of every collection the reader reads, one MVT layer per collection.
 * Readers get exactly what the collection gives them (LayerAccess), as on the feature pages.
 */
@RestController
class OgcTilesController {

    static final String MVT = "application/vnd.mapbox-vector-tile";

    private static final String JSON = "application/json";

    private static final String REL = "http://www.opengis.net/def/rel/ogc/1.0/";

    private static final CacheControl CACHE = CacheControl.noCache().cachePrivate();

    private final LayerAccess access;

    private final TileStore store;

    private final Catalog catalog;

    OgcTilesController(LayerAccess access, TileStore store, Catalog catalog) {
        this.access = access;
        this.store = store;
        this.catalog = catalog;
    }

    @GetMapping(path = "/ogc/tileMatrixSets", produces = JSON)
    Map<String, Object> tileMatrixSets(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        String href = base(request) + "/ogc/tileMatrixSets/" + WebMercatorQuad.ID;
        return Map.of("tileMatrixSets", List.of(Map.of("id", WebMercatorQuad.ID, "title", "Google Maps Compatible for the World",
                "uri", WebMercatorQuad.URI, "links", List.of(link(href, "self", JSON, WebMercatorQuad.ID)))));
    }

    @GetMapping(path = "/ogc/tileMatrixSets/{tileMatrixSetId}", produces = JSON)
    Map<String, Object> tileMatrixSet(@PathVariable String tileMatrixSetId,
            @RequestParam MultiValueMap<String, String> params) {
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        checkMatrixSet(tileMatrixSetId);
        return WebMercatorQuad.definition();
    }

    @GetMapping(path = "/ogc/collections/{collectionId}/tiles", produces = JSON)
    Map<String, Object> collectionTilesets(@PathVariable String collectionId,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request, Locale locale) {
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        TileLayer layer = tileLayer(collectionId);
        return tilesets(base(request) + "/ogc/collections/" + layer.id() + "/tiles", layer.layer().title(locale), base(request));
    }

    @GetMapping(path = "/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}", produces = JSON)
    Map<String, Object> collectionTileset(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request, Locale locale) {
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        TileLayer layer = tileLayer(collectionId);
        checkMatrixSet(tileMatrixSetId);
        String path = "/ogc/collections/" + layer.id() + "/tiles/" + WebMercatorQuad.ID;
        return tileset(base(request), path, layer.layer().title(locale), List.of(layer), locale);
    }

    /** Property filters narrow the tile as on {@code /tiles/...}; an empty tile is 204. */
    @GetMapping("/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
    ResponseEntity<byte[]> collectionTile(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
            @PathVariable String tileMatrix, @PathVariable String tileRow, @PathVariable String tileCol,
            @RequestParam MultiValueMap<String, String> params) {
        TileLayer layer = tileLayer(collectionId);
        checkMatrixSet(tileMatrixSetId);
        Tile tile = Tile.parse(tileMatrix, tileCol, tileRow);
        ItemsFilter filter = ItemsFilter.parse(layer.layer(), params, Set.of());
        TileCache.Entry entry = store.tile(layer, tile, filter.where(layer.layer()), params.toSingleValueMap());
        return reply(entry.mvt(), entry.etag());
    }

    @GetMapping(path = "/ogc/tiles", produces = JSON)
    Map<String, Object> datasetTilesets(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        return tilesets(base(request) + "/ogc/tiles", "Hetu 河图", base(request));
    }

    @GetMapping(path = "/ogc/tiles/{tileMatrixSetId}", produces = JSON)
    Map<String, Object> datasetTileset(@PathVariable String tileMatrixSetId,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request, Locale locale) {
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        checkMatrixSet(tileMatrixSetId);
        return tileset(base(request), "/ogc/tiles/" + WebMercatorQuad.ID, "Hetu 河图", readableTileLayers(), locale);
    }

    /**
     * One MVT with a layer per collection (the reader's, or those named in {@code collections}): a tile is a
     * protobuf message whose layers are a repeated field, so the collections' own tiles joined end to end
     * are one valid tile.
     */
    @GetMapping("/ogc/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
    ResponseEntity<byte[]> datasetTile(@PathVariable String tileMatrixSetId, @PathVariable String tileMatrix,
            @PathVariable String tileRow, @PathVariable String tileCol, @RequestParam MultiValueMap<String, String> params) {
        QueryParameters.allowOnly(params, Set.of("collections"));
        checkMatrixSet(tileMatrixSetId);
        Tile tile = Tile.parse(tileMatrix, tileCol, tileRow);
        List<TileLayer> layers = Optional.ofNullable(params.getFirst("collections"))
            .map(names -> Arrays.stream(names.split(",")).map(String::trim).map(this::tileLayer).toList())
            .orElseGet(this::readableTileLayers);
        ByteArrayOutputStream mvt = new ByteArrayOutputStream();
        StringBuilder etags = new StringBuilder();
        for (TileLayer layer : layers) {
            TileCache.Entry entry = store.tile(layer, tile, Condition.ALL, Map.of());
            mvt.writeBytes(entry.mvt());
            etags.append(entry.etag());
        }
        return reply(mvt.toByteArray(), DigestUtils.md5DigestAsHex(etags.toString().getBytes()));
    }

    private static ResponseEntity<byte[]> reply(byte[] mvt, String etag) {
        if (mvt.length == 0) {
            return ResponseEntity.noContent().cacheControl(CACHE).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MVT)).cacheControl(CACHE).eTag(etag).body(mvt);
    }

    private Map<String, Object> tilesets(String self, String title, String base) {
        String tileset = self + "/" + WebMercatorQuad.ID;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("title", title);
        entry.put("dataType", "vector");
        entry.put("crs", WebMercatorQuad.CRS);
        entry.put("tileMatrixSetURI", WebMercatorQuad.URI);
        entry.put("links", List.of(link(tileset, "self", JSON, title), link(tileset, REL + "tileset", JSON, title),
                link(base + "/ogc/tileMatrixSets/" + WebMercatorQuad.ID, REL + "tiling-scheme", JSON, WebMercatorQuad.ID)));
        return Map.of("links", List.of(link(self, "self", JSON, title)), "tilesets", List.of(entry));
    }

    private Map<String, Object> tileset(String base, String path, String title, List<TileLayer> layers, Locale locale) {
        String tms = base + "/ogc/tileMatrixSets/" + WebMercatorQuad.ID;
        Map<String, Object> tileset = new LinkedHashMap<>();
        tileset.put("title", title);
        tileset.put("dataType", "vector");
        tileset.put("crs", WebMercatorQuad.CRS);
        tileset.put("tileMatrixSetURI", WebMercatorQuad.URI);
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(link(base + path, "self", JSON, title));
        links.add(link(tms, REL + "tiling-scheme", JSON, WebMercatorQuad.ID));
        Map<String, Object> item = link(base + path + "/{tileMatrix}/{tileRow}/{tileCol}", "item", MVT, title);
        item.put("templated", true);
        links.add(item);
        tileset.put("links", links);
        bounds(layers).ifPresent(box -> {
            tileset.put("boundingBox", Map.of("lowerLeft", List.of(box[0], box[1]), "upperRight", List.of(box[2], box[3]),
                    "crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
            tileset.put("tileMatrixSetLimits", WebMercatorQuad.limits(box));
        });
        tileset.put("layers", layers.stream().map(layer -> layer(layer, locale)).toList());
        return tileset;
    }

    private static Map<String, Object> layer(TileLayer layer, Locale locale) {
        Map<String, Object> properties = new LinkedHashMap<>();
        layer.fields().forEach(column -> properties.put(column.name(), Map.of("type", switch (column.type()) {
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            default -> "string";
        })));
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("id", layer.id());
        description.put("title", layer.layer().title(locale));
        description.put("dataType", "vector");
        description.put("geometryDimension", switch (layer.layer().geometryType()) {
            case "Point", "MultiPoint" -> 0;
            case "LineString", "MultiLineString" -> 1;
            default -> 2;
        });
        description.put("minTileMatrix", "0");
        description.put("maxTileMatrix", String.valueOf(Tile.MAX_ZOOM));
        description.put("propertiesSchema", Map.of("type", "object", "properties", properties));
        return description;
    }

    /** The box around the layers' bounds, west, south, east, north; empty when none holds a feature. */
    private Optional<double[]> bounds(List<TileLayer> layers) {
        return layers.stream()
            .flatMap(layer -> catalog.bounds(layer.layer()).stream())
            .reduce((a, b) -> new double[] { Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]),
                    Math.max(a[3], b[3]) });
    }

    private List<TileLayer> readableTileLayers() {
        return access.readableLayers().stream().map(TileLayer::of).toList();
    }

    /** A readable asset collection; the river chief system's records have no tiles, as on {@code /tiles}. */
    private TileLayer tileLayer(String collection) {
        Layer layer = access.readable(collection);
        if (layer.isRecord()) {
            throw new NotFoundException("Collection '" + collection + "' has no tiles; read /ogc/collections/" + collection
                    + "/items");
        }
        return TileLayer.of(layer);
    }

    private static void checkMatrixSet(String id) {
        if (!id.equals(WebMercatorQuad.ID)) {
            throw new NotFoundException("Tile matrix set '" + id + "' is not offered; use " + WebMercatorQuad.ID);
        }
    }

    private static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("rel", rel);
        link.put("type", type);
        link.put("title", title);
        return link;
    }

    private static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

}
