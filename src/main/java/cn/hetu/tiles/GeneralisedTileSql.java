package cn.hetu.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.hetu.catalog.Column;
import cn.hetu.catalog.Condition;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * SQL of a tile at zoom {@link #MAX_ZOOM} or below that holds too many features to draw each:
 * features whose box is at least a cell wide (1/32 of the tile side) are drawn as themselves, the
 * rest are summed per cell of their box's centre into squares carrying {@code cell_features},
 * {@code cell_area_m2} and the cell's most common class value under the class column's name. So
 * every feature is in the tile, itself or counted, and the tile stays small at every zoom.
 * Without a filter the cells come from the precomputed {@code tile_cell} and {@code tile_large}
 * (migration V170), otherwise they are summed from the matching rows.
 */
final class GeneralisedTileSql {

    /** The highest zoom whose dense tiles are generalised. */
    static final int MAX_ZOOM = 12;

    /** A tile side holds 2^5 = 32 cells. */
    static final int CELL_SHIFT = 5;

    /** Zoom of the stored cells: those of a zoom-12 tile. */
    private static final int CELL_ZOOM = MAX_ZOOM + CELL_SHIFT;

    /** A statement and its bind values, in order. */
    record Statement(String sql, List<Object> args) {
    }

    private GeneralisedTileSql() {
    }

    /**
     * How many features (themselves or in cells) have their box's centre in the unfiltered tile or
     * its buffer, exactly up to {@code limit}; beyond, some number above it: reading more than
     * {@code limit} cells, each counting at least one feature, would only confirm it. The buffer
     * counts because a plain tile draws what lies there: a tile beside a crowded edge would
     * otherwise carry thousands of its neighbour's features.
     */
    static Statement count(TileLayer layer, Tile tile, int limit) {
        List<Object> args = new ArrayList<>();
        String cells = bufferedCellRange(layer, tile, args);
        args.add(limit + 1);
        String large = bufferedCellRange(layer, tile, args);
        args.add(limit + 1);
        String sql = """
                SELECT (SELECT COALESCE(sum(features), 0) FROM (SELECT features FROM tile_cell WHERE %s AND features > 0
                                                                LIMIT ?) c)
                     + (SELECT count(*) FROM (SELECT 1 FROM tile_large WHERE %s LIMIT ?) l)""".formatted(cells, large);
        return new Statement(sql, args);
    }

    /** The generalised tile; {@code where} is the request's filter, {@link Condition#ALL} for none. */
    static Statement tile(TileLayer layer, Tile tile, Condition where) {
        boolean filtered = !where.sql().equals(Condition.ALL.sql());
        Optional<Column> classColumn = layer.classColumn();
        List<Object> themselvesArgs = new ArrayList<>();
        List<Object> cellsArgs = new ArrayList<>();
        String themselves;
        String cells;
        if (filtered) {
            themselves = "FROM %s t WHERE %s AND (%s) AND tile_min_zoom(t.geom) <= ?"
                .formatted(quote(layer.id()), envelope(tile, true, themselvesArgs), where.sql());
            themselvesArgs.addAll(where.args());
            themselvesArgs.add(tile.z());
            String classValue = classColumn.map(c -> "COALESCE(t." + quote(c.name()) + "::text, '')").orElse("''");
            String envelope = envelope(tile, false, cellsArgs);
            cellsArgs.addAll(where.args());
            cellsArgs.add(tile.z());
            String inTile = range(tile, cellsArgs);
            cells = """
                    SELECT * FROM (
                        SELECT tile_cell_x((ST_XMin(t.geom) + ST_XMax(t.geom)) / 2) AS x,
                               tile_cell_y((ST_YMin(t.geom) + ST_YMax(t.geom)) / 2) AS y,
                               %s AS class, 1 AS features, tile_area_m2(t.geom) AS area_m2
                        FROM %s t WHERE %s AND (%s) AND tile_min_zoom(t.geom) > ?) m
                    WHERE %s""".formatted(classValue, quote(layer.id()), envelope, where.sql(), inTile);
        }
        else {
            themselvesArgs.addAll(List.of(layer.id(), tile.z()));
            themselves = "FROM tile_large l JOIN %s t ON t.id = l.id WHERE l.collection = ? AND l.min_zoom <= ? AND %s"
                .formatted(quote(layer.id()), envelope(tile, true, themselvesArgs));
            cells = "SELECT x, y, class, features, area_m2 FROM tile_cell WHERE " + cellRange(layer, tile, cellsArgs)
                    + " AND features > 0 UNION ALL SELECT x, y, class, 1, area_m2 FROM tile_large WHERE "
                    + cellRange(layer, tile, cellsArgs) + " AND min_zoom > ?";
            cellsArgs.add(tile.z());
        }
        List<Object> args = new ArrayList<>();
        args.add(layer.id());
        args.addAll(List.of(tile.z(), tile.x(), tile.y()));
        args.addAll(themselvesArgs);
        args.addAll(List.of(tile.z() + CELL_SHIFT, tile.z(), tile.x(), tile.y()));
        args.addAll(cellsArgs);

        String fields = layer.fields().stream().map(c -> "t." + quote(c.name())).collect(Collectors.joining(", "));
        String cellFields = layer.fields()
            .stream()
            .map(c -> classColumn.filter(c::equals).isPresent() ? "g.class::" + sqlType(c) : "NULL")
            .collect(Collectors.joining(", "));
        String sql = """
                SELECT ST_AsMVT(f, ?, %1$d, 'geom', 'fid') FROM (
                    SELECT t.id AS fid, %2$s, NULL::integer AS cell_features, NULL::double precision AS cell_area_m2,
                           ST_AsMVTGeom(ST_Transform(t.geom, 3857), ST_TileEnvelope(?, ?, ?), %1$d, %3$d, true) AS geom
                    %4$s
                    UNION ALL
                    SELECT NULL, %5$s, g.features::integer, g.area_m2,
                           ST_AsMVTGeom(ST_TileEnvelope(?, g.x, g.y), ST_TileEnvelope(?, ?, ?), %1$d, %3$d, true)
                    FROM (SELECT x, y, sum(features) AS features, sum(area_m2) AS area_m2,
                                 (array_agg(class ORDER BY features DESC, class))[1] AS class
                          FROM (SELECT x >> %6$d AS x, y >> %6$d AS y, class, sum(features) AS features,
                                       sum(area_m2) AS area_m2
                                FROM (%7$s) c GROUP BY 1, 2, 3) k
                          GROUP BY x, y) g
                ) f""".formatted(TileSql.EXTENT, fields, TileSql.BUFFER, themselves, cellFields, MAX_ZOOM - tile.z(),
                cells);
        return new Statement(sql, args);
    }

    /** The filtered tile's match count, up to {@code limit + 1}: enough to tell whether to generalise. */
    static Statement countMatches(TileLayer layer, Tile tile, Condition where, int limit) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT count(*) FROM (SELECT 1 FROM %s t WHERE %s AND (%s) LIMIT ?) m"
            .formatted(quote(layer.id()), envelope(tile, true, args), where.sql());
        args.addAll(where.args());
        args.add(limit + 1);
        return new Statement(sql, args);
    }

    /** The tile's envelope, with the buffer or without, as an index condition on the table's geometry. */
    private static String envelope(Tile tile, boolean buffered, List<Object> args) {
        args.addAll(List.of(tile.z(), tile.x(), tile.y()));
        return buffered ? "t.geom && ST_Transform(ST_TileEnvelope(?, ?, ?, margin => %d.0 / %d), 4490)"
            .formatted(TileSql.BUFFER, TileSql.EXTENT) : "t.geom && ST_Transform(ST_TileEnvelope(?, ?, ?), 4490)";
    }

    /** The stored cells of the tile: the collection, then x and y within the tile's span at the cell zoom. */
    private static String cellRange(TileLayer layer, Tile tile, List<Object> args) {
        args.add(layer.id());
        return "collection = ? AND " + range(tile, args);
    }

    private static String range(Tile tile, List<Object> args) {
        return range(tile, 0, args);
    }

    /** The stored cells of the tile and of its buffer, rounded out to whole cells. */
    private static String bufferedCellRange(TileLayer layer, Tile tile, List<Object> args) {
        args.add(layer.id());
        int cellsPerSide = 1 << (CELL_ZOOM - tile.z());
        int buffer = Math.max(1, cellsPerSide * TileSql.BUFFER / TileSql.EXTENT);
        return "collection = ? AND " + range(tile, buffer, args);
    }

    private static String range(Tile tile, int buffer, List<Object> args) {
        int shift = CELL_ZOOM - tile.z();
        args.addAll(List.of((tile.x() << shift) - buffer, ((tile.x() + 1) << shift) - 1 + buffer, (tile.y() << shift) - buffer,
                ((tile.y() + 1) << shift) - 1 + buffer));
        return "x BETWEEN ? AND ? AND y BETWEEN ? AND ?";
    }

    private static String sqlType(Column column) {
        return switch (column.type()) {
            case INTEGER -> "bigint";
            case NUMBER -> "numeric";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            default -> "text";
        };
    }

}
