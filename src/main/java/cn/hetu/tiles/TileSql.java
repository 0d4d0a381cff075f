package cn.hetu.tiles;

import java.util.stream.Collectors;

import cn.hetu.catalog.Condition;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * SQL of the vector tiles. PostGIS clips, simplifies and encodes; Java only moves the bytes.
 * Identifiers come from the {@link TileLayer} (the catalogue whitelist) and are quoted; z, x, y,
 * filter values, the cap and the layer name are bind parameters.
 */
final class TileSql {

    /** Tile units per side. */
    static final int EXTENT = 4096;

    /** Tile units kept beyond each edge, so that symbols and strokes join across tiles. */
    static final int BUFFER = 64;

    private TileSql() {
    }

    /**
     * One MVT tile. Binds, in order: layer name; z, x, y; z, x, y; the filter's values; the cap.
     * The index test transforms the tile envelope (with the buffer) to the table's EPSG:4490, never
     * each geometry; {@code ST_AsMVTGeom} drops features that shrink below a tile unit at low zoom.
     */
    static String tile(TileLayer layer, Condition filter) {
        String fields = layer.fields()
            .stream()
            .map(c -> "t." + quote(c.name()))
            .collect(Collectors.joining(", "));
        String where = filter.sql().equals(Condition.ALL.sql()) ? "" : " AND (" + filter.sql() + ")";
        return """
                SELECT ST_AsMVT(f, ?, %1$d, 'geom', 'fid') FROM (
                    SELECT t.id AS fid, %2$s,
                           ST_AsMVTGeom(ST_Transform(t.geom, 3857), ST_TileEnvelope(?, ?, ?), %1$d, %3$d, true) AS geom
                    FROM %4$s t
                    WHERE t.geom && ST_Transform(ST_TileEnvelope(?, ?, ?, margin => %3$d.0 / %1$d), 4490)%5$s
                    ORDER BY t.id
                    LIMIT ?
                ) f""".formatted(EXTENT, fields, BUFFER, quote(layer.id()), where);
    }

}
