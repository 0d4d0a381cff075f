package cn.hetu.search;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.catalog.Layer;
import cn.hetu.security.LayerAccess;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * Finds features whose name or code contains the text, across all collections. Trigram indexes
 * keep substring matching fast at a million parcels; exact and prefix matches rank first.
 */
@Component
class FeatureSearch {

    record Hit(String collection, long id, String code, String name, String status, double[] bbox) {
    }

    private final LayerAccess access;

    private final JdbcClient jdbc;

    FeatureSearch(LayerAccess access, JdbcClient jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<Hit> find(String text, int limit) {
        List<Layer> layers = access.readableLayers();
        if (layers.isEmpty()) {
            return List.of();
        }
        String perLayer = layers.stream().map(layer -> """
                (SELECT '%1$s' AS collection, id, code, name, status, geom::box2d AS box,
                        CASE WHEN name = :text OR code = :text THEN 0
                             WHEN name ILIKE :prefix OR code ILIKE :prefix THEN 1 ELSE 2 END AS rank
                 FROM %2$s WHERE name ILIKE :pattern OR code ILIKE :pattern
                 ORDER BY rank, length(name), id LIMIT :limit)""".formatted(layer.id(), quote(layer.id())))
            .collect(Collectors.joining(" UNION ALL "));
        String literal = escapeLike(text);
        return jdbc.sql("SELECT collection, id, code, name, status, ST_XMin(box), ST_YMin(box), ST_XMax(box), ST_YMax(box)"
                + " FROM (" + perLayer + ") hits ORDER BY rank, length(name), collection, id LIMIT :limit")
            .param("text", text)
            .param("prefix", literal + "%")
            .param("pattern", "%" + literal + "%")
            .param("limit", limit)
            .query((rs, n) -> new Hit(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getObject(6) == null ? null
                            : new double[] { rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9) }))
            .list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
