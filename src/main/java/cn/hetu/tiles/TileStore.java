package cn.hetu.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Layer;

/** Tiles as finished MVT bytes, from the cache or PostGIS, and the extent a TileJSON document announces. */
@Component
class TileStore {

    private final JdbcClient jdbc;

    private final TransactionTemplate readOnly;

    private final TileProperties properties;

    private final Catalog catalog;

    private final TileCache cache;

    private final TileChanges changes;

    TileStore(JdbcClient jdbc, PlatformTransactionManager transactions, TileProperties properties, Catalog catalog,
            TileCache cache, TileChanges changes) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.properties = properties;
        this.catalog = catalog;
        this.cache = cache;
        this.changes = changes;
    }

    /** The tile from the cache, or rendered and cached; its bytes are empty when no feature touches it. */
    TileCache.Entry tile(TileLayer layer, Tile tile, Map<String, Object> filters) {
        TileCache.Key key = new TileCache.Key(layer.id(), tile, filters);
        long generation = cache.generation(layer.id());
        return readOnly.execute(status -> {
            changes.catchUp(properties.statementTimeout());
            return cache.get(key).orElseGet(() -> {
                TileCache.Entry rendered = TileCache.Entry.of(render(layer, tile, filters));
                cache.put(key, rendered, generation);
                return rendered;
            });
        });
    }

    private byte[] render(TileLayer layer, Tile tile, Map<String, Object> filters) {
        List<Object> args = new ArrayList<>();
        args.add(layer.id());
        args.addAll(List.of(tile.z(), tile.x(), tile.y(), tile.z(), tile.x(), tile.y()));
        args.addAll(filters.values());
        args.add(properties.maxFeatures());
        return jdbc.sql(TileSql.tile(layer, filters.keySet())).params(args).query((rs, n) -> rs.getBytes(1)).single();
    }

    /** Longitude and latitude bounds (west, south, east, north); empty for an empty collection. */
    Optional<double[]> bounds(Layer layer) {
        JdbcClient.StatementSpec query = catalog.estimatedRows(layer) < Catalog.LARGE_TABLE_ROWS
                ? jdbc.sql(TileSql.exactBounds(layer)) : jdbc.sql(TileSql.ESTIMATED_BOUNDS).param(layer.id());
        return query
            .query((rs, n) -> rs.getObject(1) == null ? null
                    : new double[] { rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4) })
            .optional();
    }

}
