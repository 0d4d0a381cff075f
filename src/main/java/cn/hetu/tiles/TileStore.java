package cn.hetu.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hetu.catalog.Condition;

/** Tiles as finished MVT bytes, from the cache or PostGIS. */
@Component
class TileStore {

    private final JdbcClient jdbc;

    private final TransactionTemplate readOnly;

    private final TileProperties properties;

    private final TileCache cache;

    private final TileChanges changes;

    TileStore(JdbcClient jdbc, PlatformTransactionManager transactions, TileProperties properties, TileCache cache,
            TileChanges changes) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.properties = properties;
        this.cache = cache;
        this.changes = changes;
    }

    /** The tile from the cache, or rendered and cached; its bytes are empty when no feature touches it. */
    /** {@code where}: the request's filter; {@code filters}: its parameters, which name it in the cache. */
    TileCache.Entry tile(TileLayer layer, Tile tile, Condition where, Map<String, String> filters) {
        TileCache.Key key = new TileCache.Key(layer.id(), tile, Map.copyOf(filters));
        long generation = cache.generation(layer.id());
        return readOnly.execute(status -> {
            changes.catchUp(properties.statementTimeout());
            return cache.get(key).orElseGet(() -> {
                TileCache.Entry rendered = TileCache.Entry.of(render(layer, tile, where));
                cache.put(key, rendered, generation);
                return rendered;
            });
        });
    }

    /**
     * Up to zoom 12 a tile that would hold more than {@code generaliseAbove} features is
     * generalised ({@link GeneralisedTileSql}); others, and every tile from zoom 13 on, hold each
     * feature as it is.
     */
    private byte[] render(TileLayer layer, Tile tile, Condition where) {
        if (tile.z() <= GeneralisedTileSql.MAX_ZOOM && crowded(layer, tile, where)) {
            GeneralisedTileSql.Statement generalised = GeneralisedTileSql.tile(layer, tile, where);
            // After five runs on a pooled connection PostgreSQL may switch to a generic plan, which cannot
            // see how few cells a tile's range holds: measured 683 ms instead of 39 ms for the same zoom 8 tile.
            jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)").query().singleRow();
            return jdbc.sql(generalised.sql()).params(generalised.args()).query((rs, n) -> rs.getBytes(1)).single();
        }
        return plain(layer, tile, where);
    }

    private boolean crowded(TileLayer layer, Tile tile, Condition where) {
        int limit = properties.generaliseAbove();
        GeneralisedTileSql.Statement count = where.sql().equals(Condition.ALL.sql())
                ? GeneralisedTileSql.count(layer, tile, limit) : GeneralisedTileSql.countMatches(layer, tile, where, limit);
        return jdbc.sql(count.sql()).params(count.args()).query(Long.class).single() > limit;
    }

    private byte[] plain(TileLayer layer, Tile tile, Condition where) {
        List<Object> args = new ArrayList<>();
        args.add(layer.id());
        args.addAll(List.of(tile.z(), tile.x(), tile.y(), tile.z(), tile.x(), tile.y()));
        args.addAll(where.args());
        args.add(properties.maxFeatures());
        return jdbc.sql(TileSql.tile(layer, where)).params(args).query((rs, n) -> rs.getBytes(1)).single();
    }

}
