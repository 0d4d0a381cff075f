package cn.hetu.land;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hetu.security.LayerAccess;
import cn.hetu.system.NotFoundException;

import static cn.hetu.system.SqlIdentifiers.quote;

/** The conflicts of the registry's own key projects and idle-land parcels with the current control lines. */
@Component
class ConflictRegister {

    /** The footprints checked: key projects and land parcels. */
    enum Kind {
        PROJECT("project"), PARCEL("land_parcel");

        final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    /** One project or parcel and the area (m²) it has in each restrictive layer it enters. */
    record Entry(String kind, long id, String code, String name, String town, Map<String, Double> areaM2ByLayer,
            double farmlandMu) {
    }

    private final JdbcClient jdbc;

    private final LayerAccess access;

    ConflictRegister(JdbcClient jdbc, LayerAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** The footprint of a project or parcel; empty when a project has none. 404 when it does not exist. */
    Optional<Geometry> footprint(Kind kind, long id) {
        access.readable(kind.table);
        List<byte[]> rows = jdbc.sql("SELECT ST_AsBinary(geom) FROM " + quote(kind.table) + " WHERE id = ?")
            .param(id)
            .query((rs, n) -> rs.getBytes(1))
            .list();
        if (rows.isEmpty()) {
            throw new NotFoundException(kind.table + " " + id + " does not exist");
        }
        if (rows.get(0) == null) {
            return Optional.empty();
        }
        try {
            Geometry geometry = new WKBReader().read(rows.get(0));
            geometry.setSRID(4490);
            return Optional.of(geometry);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored geometry of " + kind.table + " " + id + " is unreadable", e);
        }
    }

    /**
     * Every key project and parcel that enters a restrictive control line (its current edition), with the area
     * in each; a point or line footprint counts when it lies inside, with no area.
     */
    List<Entry> all() {
        List<String> layers = ControlLayers.ALL.stream().filter(ControlLayers.ControlLayer::restrictive)
            .map(ControlLayers.ControlLayer::id).toList();
        layers.forEach(access::readable);
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            access.readable(kind.table);
            String union = layers.stream().map(layer -> """
                    SELECT '%2$s' AS layer, e.id, e.code, e.name, e.town,
                           sum(ST_Area(p.piece::geography)) AS area
                    FROM %1$s e JOIN %3$s f ON ST_Intersects(f.geom, e.geom)
                    CROSS JOIN LATERAL (SELECT ST_CollectionExtract(ST_Intersection(f.geom, e.geom),
                                                                    ST_Dimension(e.geom) + 1) AS piece) p
                    WHERE NOT ST_IsEmpty(p.piece)
                    GROUP BY e.id""".formatted(quote(kind.table), layer, quote(layer)))
                .collect(Collectors.joining("\nUNION ALL\n"));
            jdbc.sql("SELECT * FROM (" + union + ") u ORDER BY code, layer").query(rs -> {
                long id = rs.getLong("id");
                Entry fresh = new Entry(kind.name().toLowerCase(Locale.ROOT), id, rs.getString("code"), rs.getString("name"),
                        rs.getString("town"), new LinkedHashMap<>(), 0);
                entries.computeIfAbsent(kind + ":" + id, k -> fresh)
                    .areaM2ByLayer()
                    .put(rs.getString("layer"), Math.round(rs.getDouble("area") * 100) / 100.0);
            });
        }
        return entries.values().stream()
            .map(e -> new Entry(e.kind(), e.id(), e.code(), e.name(), e.town(), e.areaM2ByLayer(),
                    Math.round(e.areaM2ByLayer().getOrDefault("basic_farmland", 0.0) / ConflictCheck.SQUARE_METRES_PER_MU * 100) / 100.0))
            .toList();
    }

}
