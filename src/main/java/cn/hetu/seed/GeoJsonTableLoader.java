package cn.hetu.seed;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Column;
import cn.hetu.catalog.Layer;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * Inserts a GeoJSON FeatureCollection into a collection's table in one statement: PostgreSQL
 * unpacks the features, maps properties to columns by name and parses the geometry.
 */
@Component
class GeoJsonTableLoader {

    private final JdbcClient jdbc;

    private final Catalog catalog;

    GeoJsonTableLoader(JdbcClient jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    int load(Layer layer, String featureCollection) {
        // Only the columns the file has are written, so the others keep their defaults.
        Set<String> keys = Set.copyOf(jdbc.sql("""
                SELECT DISTINCT jsonb_object_keys(f -> 'properties')
                FROM jsonb_array_elements(?::jsonb -> 'features') f""")
            .param(featureCollection)
            .query(String.class)
            .list());
        List<String> columns = layer.writableColumns().stream().map(Column::name).filter(keys::contains).toList();
        String names = columns.stream().map(c -> quote(c) + ", ").collect(Collectors.joining());
        String values = columns.stream().map(c -> "r." + quote(c) + ", ").collect(Collectors.joining());
        String geometry = "ST_SetSRID(ST_GeomFromGeoJSON(NULLIF(f -> 'geometry', 'null'::jsonb)), 4490)";
        if (layer.geometryType().equals("MultiPolygon")) {
            geometry = "ST_Multi(" + geometry + ")";
        }
        String sql = "INSERT INTO " + quote(layer.id()) + " (" + names + "geom) SELECT " + values + geometry
                + " FROM jsonb_array_elements(?::jsonb -> 'features') f,"
                + " jsonb_populate_record(NULL::" + quote(layer.id()) + ", f -> 'properties') r";
        return jdbc.sql(sql).param(featureCollection).update();
    }

    /** Milestones and asset links of the demo projects, which name assets by their codes. */
    void loadProjectDetails(String projects) {
        jdbc.sql("""
                INSERT INTO project_milestone (project_id, seq, name, due_on, done_on, remarks)
                SELECT p.id, m.seq, m.name, m.due_on, m.done_on, m.remarks
                FROM jsonb_array_elements(?::jsonb -> 'features') f
                JOIN project p ON p.code = f -> 'properties' ->> 'code'
                CROSS JOIN LATERAL jsonb_to_recordset(COALESCE(f -> 'properties' -> 'milestones', '[]'))
                    AS m(seq integer, name text, due_on date, done_on date, remarks text)""")
            .param(projects)
            .update();
        List<AssetLink> links = jdbc.sql("""
                SELECT p.id, l.collection, l.code
                FROM jsonb_array_elements(?::jsonb -> 'features') f
                JOIN project p ON p.code = f -> 'properties' ->> 'code'
                CROSS JOIN LATERAL jsonb_to_recordset(COALESCE(f -> 'properties' -> 'links', '[]'))
                    AS l(collection text, code text)""")
            .param(projects)
            .query((rs, n) -> new AssetLink(rs.getLong(1), rs.getString(2), rs.getString(3)))
            .list();
        for (AssetLink link : links) {
            Layer layer = catalog.get(link.collection());
            int inserted = jdbc.sql("INSERT INTO project_asset (project_id, collection, asset_id) SELECT ?, ?, a.id FROM "
                    + quote(layer.id()) + " a WHERE a.code = ?")
                .params(link.projectId(), layer.id(), link.code())
                .update();
            if (inserted != 1) {
                throw new IllegalStateException("A demo project links the unknown asset " + layer.id() + "/" + link.code());
            }
        }
    }

    private record AssetLink(long projectId, String collection, String code) {
    }

}
