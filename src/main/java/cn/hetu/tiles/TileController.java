package cn.hetu.tiles;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

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

    private final LayerAccess access;

    private final TileReplies replies;

    private final Catalog catalog;

    TileController(LayerAccess access, TileReplies replies, Catalog catalog) {
        this.access = access;
        this.replies = replies;
        this.catalog = catalog;
    }

    /** See {@link TileReplies}. */
    @GetMapping("/tiles/{collection}/{z}/{x}/{y}.mvt")
    ResponseEntity<byte[]> tile(@PathVariable String collection, @PathVariable String z, @PathVariable String x,
            @PathVariable String y, @RequestParam MultiValueMap<String, String> params) {
        Layer layer = tileLayer(collection).layer();
        Tile.parse(z, x, y);
        ItemsFilter filter = ItemsFilter.parse(layer, params, Set.of());
        return replies.tile(layer, z, x, y, filter.where(layer), params.toSingleValueMap());
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
