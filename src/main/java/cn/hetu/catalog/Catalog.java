package cn.hetu.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hetu.system.ChangeNotices;
import cn.hetu.system.NotFoundException;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * The collections Hetu serves, read from the {@code collection} table and the columns of each
 * table. It is the whitelist every SQL identifier built from a request is checked against. Every
 * instance reads it again when any of them changes the {@code collection} table.
 */
@Component
public class Catalog {

    /** From this many rows (by the planner's estimate) a table is counted and measured by estimates. */
    public static final long LARGE_TABLE_ROWS = 100_000;

    private final JdbcClient jdbc;

    private volatile List<Layer> layers;

    Catalog(JdbcClient jdbc, ChangeNotices notices) {
        this.jdbc = jdbc;
        this.layers = load();
        // Another instance opened a collection to anonymous reading, closed it, or imported one (migration V15).
        notices.listen("hetu_catalog", change -> refresh());
    }

    public List<Layer> layers() {
        return layers;
    }

    public Optional<Layer> find(String id) {
        return layers.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public Layer get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("Collection '" + id + "' does not exist"));
    }

    /** The planner's row estimate: free, and good enough to choose between exact and estimated figures. */
    public long estimatedRows(Layer layer) {
        return jdbc.sql("SELECT reltuples::bigint FROM pg_class WHERE oid = ?::regclass")
            .param(layer.id())
            .query(Long.class)
            .single();
    }

    /** Exact for small tables; the planner's estimate for big ones, where counting would be slow. */
    public long rowCount(Layer layer) {
        long estimate = estimatedRows(layer);
        if (estimate >= LARGE_TABLE_ROWS) {
            return estimate;
        }
        return jdbc.sql("SELECT count(*) FROM " + quote(layer.id())).query(Long.class).single();
    }

    /**
     * Longitude and latitude bounds (west, south, east, north) of the collection's geometries:
     * read from every row below {@link #LARGE_TABLE_ROWS}, from the planner's statistics above;
     * empty for an empty collection.
     */
    public Optional<double[]> bounds(Layer layer) {
        boolean large = estimatedRows(layer) >= LARGE_TABLE_ROWS;
        String extent = large ? "SELECT ST_EstimatedExtent(?, 'geom') AS e" : "SELECT ST_Extent(geom) AS e FROM " + quote(layer.id());
        JdbcClient.StatementSpec query = jdbc.sql("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (" + extent + ") x");
        return (large ? query.param(layer.id()) : query)
            .query((rs, n) -> rs.getObject(1) == null ? null
                    : new double[] { rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4) })
            .optional();
    }

    /** Opens the layer to anonymous reading, or closes it again. */
    public void changePublicRead(Layer layer, boolean publicRead) {
        jdbc.sql("UPDATE collection SET public_read = ? WHERE id = ?").params(publicRead, layer.id()).update();
        refresh();
    }

    /** Reads the catalogue again, after a migration or an import added a collection. */
    public void refresh() {
        layers = load();
    }

    private List<Layer> load() {
        return jdbc.sql("""
                SELECT id, title_zh, title_en, description_zh, description_en, theme, geometry_type,
                       temporal_start, temporal_end, public_read, kind, owner_department, planners_edit, shown_at_start
                FROM collection ORDER BY sort_order, id""")
            .query((rs, n) -> new Layer(rs.getString("id"), rs.getString("title_zh"), rs.getString("title_en"),
                    rs.getString("description_zh"), rs.getString("description_en"), rs.getString("theme"),
                    rs.getString("geometry_type"), rs.getString("temporal_start"), rs.getString("temporal_end"),
                    rs.getBoolean("public_read"), rs.getString("kind"), rs.getString("owner_department"),
                    rs.getBoolean("planners_edit"), rs.getBoolean("shown_at_start"), columns(rs.getString("id"))))
            .list();
    }

    private List<Column> columns(String table) {
        return jdbc.sql("""
                SELECT column_name, data_type, is_generated = 'ALWAYS' AS generated,
                       col_description(format('%I', table_name)::regclass, ordinal_position::int)
                FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? AND column_name <> 'geom'
                ORDER BY ordinal_position""")
            .param(table)
            .query((rs, n) -> new Column(rs.getString(1), ColumnType.ofPostgres(rs.getString(2)), rs.getBoolean(3),
                    rs.getString(4)))
            .list();
    }

}
