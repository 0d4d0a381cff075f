package cn.hetu.ogcapi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Condition;
import cn.hetu.catalog.Layer;
import cn.hetu.geo.Crs;
import cn.hetu.security.LayerAccess;

import static cn.hetu.system.SqlIdentifiers.quote;

/** Reads features straight from the tables as GeoJSON text, a page at a time, without entities. */
@Component
class FeatureStore {

    /**
     * What a streamed page contained: how many features, the cursors of the pages after and before it, and
     * how many features match in all (null when the table is too large to count on every request).
     */
    record Page(int returned, Object nextAfter, Object previousBefore, Long matched) {
    }

    /** Spatial extent in lon/lat and the temporal extent as ISO text; parts may be null. */
    record Extent(double[] bbox, String start, String end) {
    }

    private final JdbcTemplate streaming;

    private final JdbcClient jdbc;

    private final TransactionTemplate page;

    private final OgcProperties properties;

    private final Catalog catalog;

    FeatureStore(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions,
            OgcProperties properties, Catalog catalog) {
        this.catalog = catalog;
        this.streaming = new JdbcTemplate(dataSource);
        // With a fetch size inside a transaction, pgjdbc reads through a cursor: memory stays flat.
        this.streaming.setFetchSize(500);
        this.jdbc = jdbc;
        this.page = new TransactionTemplate(transactions);
        this.page.setReadOnly(true);
        // The count and the features from one snapshot (and, with a replica, from the replica).
        this.page.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.properties = properties;
    }

    /** The exact count for tables small enough to count on every request, otherwise null. */
    private Long numberMatched(Layer layer, Condition where) {
        if (catalog.estimatedRows(layer) >= properties.exactCountBelow()) {
            return null;
        }
        return jdbc.sql(ItemsSql.count(layer, where)).params(where.args()).query(Long.class).single();
    }

    /**
     * Writes the features of one page, comma separated, and says whether another page follows and how many match.
     * Each feature's text goes out as the UTF-8 bytes PostgreSQL sent, never decoded into a String: on a page of a
     * thousand parcels that was half of everything the request allocated.
     */
    Page writePage(Layer layer, ItemsQuery query, Condition where, OutputStream out) {
        List<Object> args = new ArrayList<>(where.args());
        Object cursor = query.before() != null ? query.before() : query.after();
        if (cursor != null) {
            args.add(cursor);
        }
        args.add(query.limit() + 1);
        String sql = ItemsSql.page(layer, where, query);
        boolean backwards = query.before() != null;
        return page.execute(status -> {
            Long matched = numberMatched(layer, where);
            Object[] ids = { null, null }; // first and last id written
            int[] written = { 0 };
            int[] read = { 0 };
            boolean[] more = { false };
            streaming.query(sql, rs -> {
                // Reading forwards the extra row comes last; reading backwards it is the first, lowest id.
                boolean extra = backwards ? read[0]++ == 0 && rs.getInt("found") > query.limit()
                        : written[0] == query.limit();
                if (extra) {
                    more[0] = true;
                    return;
                }
                if (written[0] > 0) {
                    write(out, COMMA);
                }
                write(out, rs.getBytes(1));
                if (written[0]++ == 0) {
                    ids[0] = rs.getObject(2);
                }
                ids[1] = rs.getObject(2);
            }, args.toArray());
            if (written[0] == 0) {
                return new Page(0, null, null, matched);
            }
            Object next = backwards || more[0] ? ids[1] : null;
            Object previous = backwards ? (more[0] ? ids[0] : null) : (query.after() != null ? ids[0] : null);
            return new Page(written[0], next, previous, matched);
        });
    }

    /** One feature's GeoJSON and its version, which is its ETag. */
    record StoredFeature(String json, int version) {

        String etag() {
            return "\"" + version + "\"";
        }
    }

    /** The feature, if it exists and lies in the reader's scope. */
    Optional<StoredFeature> feature(Layer layer, Object id, Crs crs, LayerAccess.RowScope scope) {
        List<Object> args = new ArrayList<>(List.of(id));
        args.addAll(scope.args());
        return jdbc.sql(ItemsSql.one(layer, crs, scope))
            .params(args)
            .query((rs, n) -> new StoredFeature(rs.getString(1), rs.getInt(2)))
            .optional();
    }

    /** The extent of the rows the reader reads: the catalogue's bounds when they read them all. */
    Extent extent(Layer layer, LayerAccess.RowScope scope) {
        String table = quote(layer.id()) + " t WHERE " + scope.sql();
        double[] bbox = scope.all() ? catalog.bounds(layer).orElse(null)
                : jdbc.sql("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(t.geom) AS e FROM "
                        + table + ") x")
                    .params(scope.args())
                    .query((rs, n) -> rs.getObject(1) == null ? null
                            : new double[] { rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4) })
                    .list()
                    .get(0); // null when the reader's rows are none: list() keeps it, single() refuses it
        if (!layer.hasTime()) {
            return new Extent(bbox, null, null);
        }
        String start = "t." + quote(layer.temporalStart());
        String end = layer.temporalEnd() == null ? start : "t." + quote(layer.temporalEnd());
        return jdbc.sql("SELECT min(" + start + ")::text, max(" + end + ")::text FROM " + table)
            .params(scope.args())
            .query((rs, n) -> new Extent(bbox, rs.getString(1), rs.getString(2)))
            .single();
    }

    private static final byte[] COMMA = { ',' };

    private static void write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
