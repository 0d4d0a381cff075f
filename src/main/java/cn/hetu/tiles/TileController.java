package cn.hetu.tiles;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Layer;
import cn.hetu.query.ItemsFilter;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.NotFoundException;

/** Mapbox vector tiles of every collection, and the TileJSON document that tells a map where they are. */
@RestController
class TileController {

    private static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

    /**
     * Private: tiles follow the reader's rights, so no shared cache may keep them. No-cache: the
     * browser asks again each time and gets a 304 while the ETag holds, so an edit shows at once
     * (the server's own cache drops the tiles a change touches before anyone reads them again).
     */
    private static final CacheControl CACHE = CacheControl.noCache().cachePrivate();

    private final LayerAccess access;

    private final TileStore store;

    private final Catalog catalog;

    TileController(LayerAccess access, TileStore store, Catalog catalog) {
        this.access = access;
        this.store = store;
        this.catalog = catalog;
    }

    /** An empty tile is 204; with an ETag that matches If-None-Match Spring answers 304 without the bytes. */
    @GetMapping("/tiles/{collection}/{z}/{x}/{y}.mvt")
    ResponseEntity<byte[]> tile(@PathVariable String collection, @PathVariable String z, @PathVariable String x,
            @PathVariable String y, @RequestParam MultiValueMap<String, String> params) {
        TileLayer layer = tileLayer(collection);
        Tile tile = Tile.parse(z, x, y);
        ItemsFilter filter = ItemsFilter.parse(layer.layer(), params, Set.of());
        TileCache.Entry entry = store.tile(layer, tile, filter.where(layer.layer()), params.toSingleValueMap());
        if (entry.mvt().length == 0) {
            return ResponseEntity.noContent().cacheControl(CACHE).build();
        }
        return ResponseEntity.ok().contentType(MVT).cacheControl(CACHE).eTag(entry.etag()).body(entry.mvt());
    }

    /** The tiles URL keeps the request's filters, so a map given this document draws the filtered features. */
    @GetMapping(path = "/tiles/{collection}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    TileJson tileJson(@PathVariable String collection, @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request, Locale locale) {
        TileLayer layer = tileLayer(collection);
        ItemsFilter.parse(layer.layer(), params, Set.of());
        String tiles = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() + "/tiles/"
                + layer.id() + "/{z}/{x}/{y}.mvt"
                + UriComponentsBuilder.newInstance().queryParams(params).build().encode().toUriString();
        return TileJson.of(layer, tiles, catalog.bounds(layer.layer()).orElse(null), locale);
    }

    /** Asset layers only: the river chief system's records are read through the feature API, not drawn from tiles. */
    private TileLayer tileLayer(String collection) {
        Layer layer = access.readable(collection);
        if (layer.isRecord()) {
            throw new NotFoundException("Collection '" + collection + "' has no tiles; read /ogc/collections/" + collection
                    + "/items");
        }
        return TileLayer.of(layer);
    }

}
