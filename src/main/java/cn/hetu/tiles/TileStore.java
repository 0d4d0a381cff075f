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

/** Reads tiles from PostGIS as finished MVT bytes, and the extent a TileJSON document announces. */
@Component
class TileStore {

    private final JdbcClient jdbc;

    private final TransactionTemplate readOnly;

    private final TileProperties properties;

    private final Catalog catalog;

    TileStore(JdbcClient jdbc, PlatformTransactionManager transactions, TileProperties properties, Catalog catalog) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.properties = properties;
        this.catalog = catalog;
    }

    /** The encoded tile; no bytes at all when no feature touches it. */
    byte[] tile(TileLayer layer, Tile tile, Map<String, Object> filters) {
        List<Object> args = new ArrayList<>();
        args.add(layer.id());
        args.addAll(List.of(tile.z(), tile.x(), tile.y(), tile.z(), tile.x(), tile.y()));
        args.addAll(filters.values());
        args.add(properties.maxFeatures());
        String sql = TileSql.tile(layer, filters.keySet());
        return readOnly.execute(status -> {
            jdbc.sql(TileSql.SETTINGS).param(properties.statementTimeout().toMillis() + "ms").query().singleRow();
            return jdbc.sql(sql).params(args).query((rs, n) -> rs.getBytes(1)).single();
        });
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
