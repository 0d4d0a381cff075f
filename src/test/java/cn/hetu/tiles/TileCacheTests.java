package cn.hetu.tiles;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class TileCacheTests {

    private static final Tile SEAT = new Tile(12, 3371, 1646);

    private static final Tile EAST = new Tile(12, 3373, 1644);

    private final TileCache cache = new TileCache(new TileProperties(100, Duration.ofSeconds(1), DataSize.ofMegabytes(1), 1_000_000));

    @Test
    void changeDropsOnlyTheTilesItsBoxMeets() {
        TileCache.Key seat = key("sluice", SEAT);
        TileCache.Key east = key("sluice", EAST);
        TileCache.Key ditches = key("ditch", SEAT);
        for (TileCache.Key key : new TileCache.Key[] { seat, east, ditches }) {
            cache.put(key, TileCache.Entry.of(new byte[] { 1 }), cache.generation(key.collection()));
        }
        cache.invalidate("sluice", 116.30, 33.25, 116.301, 33.251);
        assertThat(cache.get(seat)).isEmpty();
        assertThat(cache.get(east)).isPresent();
        assertThat(cache.get(ditches)).isPresent();
    }

    @Test
    void changeJustBeyondTheEdgeReachesTheTileThroughItsBuffer() {
        TileBounds bounds = TileBounds.of(SEAT);
        TileCache.Key seat = key("sluice", SEAT);
        cache.put(seat, TileCache.Entry.of(new byte[] { 1 }), cache.generation("sluice"));
        double width = bounds.east() - bounds.west();
        double justOutside = bounds.east() - width * 0.5 * TileSql.BUFFER / TileSql.EXTENT;
        cache.invalidate("sluice", justOutside, 33.25, justOutside, 33.25);
        assertThat(cache.get(seat)).isEmpty();
    }

    @Test
    void tileDrawnBeforeAChangeIsNotKept() {
        TileCache.Key seat = key("sluice", SEAT);
        long generation = cache.generation("sluice");
        cache.invalidate("sluice", 0, 0, 1, 1);
        cache.put(seat, TileCache.Entry.of(new byte[] { 1 }), generation);
        assertThat(cache.get(seat)).isEmpty();
        cache.put(seat, TileCache.Entry.of(new byte[] { 1 }), cache.generation("sluice"));
        assertThat(cache.get(seat)).isPresent();
    }

    @Test
    void filteredTilesAreKeptApart() {
        TileCache.Key planned = new TileCache.Key("sluice", SEAT, Map.of("status", "planned"));
        cache.put(planned, TileCache.Entry.of(new byte[] { 2 }), cache.generation("sluice"));
        assertThat(cache.get(key("sluice", SEAT))).isEmpty();
        assertThat(cache.get(new TileCache.Key("sluice", SEAT, Map.of("status", "planned")))).isPresent();
    }

    @Test
    void tileBoundsFollowTheWebMercatorGrid() {
        TileBounds world = TileBounds.of(new Tile(0, 0, 0));
        assertThat(world.west()).isLessThan(-180);
        assertThat(world.north()).isGreaterThan(85.05);
        TileBounds seat = TileBounds.of(SEAT);
        assertThat(seat.meets(116.30, 33.255, 116.30, 33.255)).isTrue();
        assertThat(seat.meets(116.40, 33.255, 116.40, 33.255)).isFalse();
    }

    private static TileCache.Key key(String collection, Tile tile) {
        return new TileCache.Key(collection, tile, Map.of());
    }

}
