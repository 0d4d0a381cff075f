package cn.hetu.tiles;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * Finished tiles kept in memory until a change touches them ({@link TileChanges}) or memory runs
 * short (least recently used first). Each collection has a generation, moved on by every
 * invalidation, so a tile rendered before a change and stored after it is never kept.
 */
@Component
class TileCache {

    /** A tile as one request asks for it: its filter parameters are part of what was drawn. */
    record Key(String collection, Tile tile, Map<String, String> filters) {
    }

    /** The encoded tile (no bytes when nothing touches it) and the ETag of those bytes. */
    record Entry(byte[] mvt, String etag) {

        static Entry of(byte[] mvt) {
            return new Entry(mvt, DigestUtils.md5DigestAsHex(mvt));
        }
    }

    /** What an entry costs beyond its bytes: key, record and map overhead, roughly. */
    private static final int ENTRY_OVERHEAD = 200;

    private final Cache<Key, Entry> tiles;

    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    TileCache(TileProperties properties) {
        this.tiles = Caffeine.newBuilder()
            .maximumWeight(properties.cacheSize().toBytes())
            .weigher((Key key, Entry entry) -> entry.mvt().length + ENTRY_OVERHEAD)
            .build();
    }

    /** Read before rendering a tile, and handed back to {@link #put}. */
    long generation(String collection) {
        return counter(collection).get();
    }

    Optional<Entry> get(Key key) {
        return Optional.ofNullable(tiles.getIfPresent(key));
    }

    /** Keeps the tile unless its collection changed since {@code generation} was read. */
    void put(Key key, Entry entry, long generation) {
        tiles.put(key, entry);
        // An invalidation moves the generation before it removes tiles, so one racing this put
        // either removes the tile itself or shows here.
        if (generation(key.collection()) != generation) {
            tiles.invalidate(key);
        }
    }

    /** Drops the tiles of the collection whose area, with the buffer drawn around it, meets the box. */
    void invalidate(String collection, double west, double south, double east, double north) {
        counter(collection).incrementAndGet();
        tiles.asMap().keySet().removeIf(key -> key.collection().equals(collection)
                && TileBounds.of(key.tile()).meets(west, south, east, north));
    }

    void clear() {
        generations.values().forEach(AtomicLong::incrementAndGet);
        tiles.invalidateAll();
    }

    private AtomicLong counter(String collection) {
        return generations.computeIfAbsent(collection, c -> new AtomicLong());
    }

}
