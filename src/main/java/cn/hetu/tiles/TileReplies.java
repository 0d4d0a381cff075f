package cn.hetu.tiles;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import cn.hetu.catalog.Condition;
import cn.hetu.catalog.Layer;

/**
 * A vector tile as an HTTP reply, for the tile routes here and for features that draw their own
 * selection from tiles (the parcel search's matches): an empty tile is 204; with an ETag that
 * matches If-None-Match Spring answers 304 without the bytes.
 */
@Component
public class TileReplies {

    private static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

    /**
     * Private: tiles follow the reader's rights, so no shared cache may keep them. No-cache: the
     * browser asks again each time and gets a 304 while the ETag holds, so an edit shows at once
     * (the server's own cache drops the tiles a change touches before anyone reads them again).
     */
    private static final CacheControl CACHE = CacheControl.noCache().cachePrivate();

    private final TileStore store;

    TileReplies(TileStore store) {
        this.store = store;
    }

    /**
     * The tile {@code z/x/y} (path text, checked here) of an asset layer the caller may read,
     * holding the features {@code where} (alias {@code t}) keeps; {@code cacheKey} names that
     * condition in the tile cache, so two different conditions never share a key.
     */
    public ResponseEntity<byte[]> tile(Layer layer, String z, String x, String y, Condition where,
            Map<String, String> cacheKey) {
        TileCache.Entry entry = store.tile(TileLayer.of(layer), Tile.parse(z, x, y), where, cacheKey);
        if (entry.mvt().length == 0) {
            return ResponseEntity.noContent().cacheControl(CACHE).build();
        }
        return ResponseEntity.ok().contentType(MVT).cacheControl(CACHE).eTag(entry.etag()).body(entry.mvt());
    }

}
