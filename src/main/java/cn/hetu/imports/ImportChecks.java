package cn.hetu.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hetu.county.County;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * Checks a staging table against its target: geometries (validity with the reason and place,
 * type, position against the county), values against the columns' types, required columns,
 * and codes repeated in the file or already in the collection.
 */
@Component
class ImportChecks {

    private static final int LISTED = 50;

    private final JdbcClient jdbc;

    /** Its extent: features outside it point to a wrong CRS. */
    private final County counties;

    ImportChecks(JdbcClient jdbc, County counties) {
        this.jdbc = jdbc;
        this.counties = counties;
    }

    ImportReport report(UUID job, ImportTarget target, Map<String, String> mapping, Map<String, String> defaults,
            List<ImportTargets.StagingField> fields) {
        String staging = Staging.qualified(job);
        String type = target.geometryType();
        double[] county = counties.extent();
        Object[] summary = jdbc.sql("""
                SELECT count(*), count(*) FILTER (WHERE geom IS NULL OR ST_IsEmpty(geom)),
                       count(*) FILTER (WHERE ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4490))),
                       ST_XMin(ST_Extent(geom)), ST_YMin(ST_Extent(geom)), ST_XMax(ST_Extent(geom)), ST_YMax(ST_Extent(geom)),
                       count(*) FILTER (WHERE geom IS NOT NULL AND NOT valid),
                       count(*) FILTER (WHERE geom IS NOT NULL AND valid AND NOT ST_IsEmpty(geom)
                                        AND import_geometry(geom, ?, false) IS NULL)
                FROM (SELECT geom, ST_IsValid(geom) AS valid FROM %s) s""".formatted(staging))
            .params(county[0], county[1], county[2], county[3], type)
            .query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3),
                    rs.getObject(4) == null ? null
                            : new double[] { rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7) },
                    rs.getLong(8), rs.getLong(9) })
            .single();
        long count = (Long) summary[0];
        long inside = (Long) summary[2];
        Map<String, Long> types = new LinkedHashMap<>();
        jdbc.sql("SELECT COALESCE(GeometryType(geom), 'NONE'), count(*) FROM " + staging + " GROUP BY 1 ORDER BY 2 DESC")
            .query(rs -> {
                types.put(rs.getString(1), rs.getLong(2));
            });
        ImportReport.Problems invalid = new ImportReport.Problems((Long) summary[4],
                !target.geometryType().equals("LineString"), jdbc.sql("""
                        SELECT s.ogc_fid, ST_IsValidReason(s.geom), ST_X(d.location), ST_Y(d.location)
                        FROM %s s, ST_IsValidDetail(s.geom) d
                        WHERE s.geom IS NOT NULL AND NOT ST_IsValid(s.geom) ORDER BY s.ogc_fid LIMIT %d"""
                    .formatted(staging, LISTED))
                    .query((rs, n) -> new ImportReport.Problem(rs.getLong(1), rs.getString(2),
                            rs.getObject(3) == null ? null : new double[] { rs.getDouble(3), rs.getDouble(4) }))
                    .list());
        ImportReport.Problems wrongType = new ImportReport.Problems((Long) summary[5], false, jdbc.sql("""
                SELECT ogc_fid, GeometryType(geom) || CASE WHEN GeometryType(geom) LIKE '%%LINESTRING'
                       AND NOT ST_IsSimple(geom) THEN ' crossing itself' ELSE ' with ' || ST_NumGeometries(geom) || ' parts' END,
                       ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom))
                FROM %s WHERE geom IS NOT NULL AND ST_IsValid(geom) AND NOT ST_IsEmpty(geom)
                  AND import_geometry(geom, ?, false) IS NULL
                ORDER BY ogc_fid LIMIT %d""".formatted(staging, LISTED))
            .param(type)
            .query((rs, n) -> new ImportReport.Problem(rs.getLong(1), rs.getString(2),
                    new double[] { rs.getDouble(3), rs.getDouble(4) }))
            .list());
        return new ImportReport(count, (double[]) summary[3], inside, count > 0 && inside * 2 < count, types,
                target.geometryType(), (Long) summary[1], invalid, wrongType, fields, target.columns(), mapping,
                checks(job, target, mapping, defaults, fields), preview(staging));
    }

    ImportReport.Checks checks(UUID job, ImportTarget target, Map<String, String> mapping, Map<String, String> defaults,
            List<ImportTargets.StagingField> fields) {
        String staging = Staging.qualified(job);
        List<ImportReport.BadValues> bad = new ArrayList<>();
        List<ImportReport.Missing> missing = new ArrayList<>();
        for (ImportTarget.TargetColumn column : target.columns()) {
            String field = mapping.get(column.name());
            if (field != null && !column.sqlType().equals("text")) {
                String castable = "import_castable(s." + quote(field) + "::text, ?)";
                List<String> examples = jdbc.sql("SELECT s.ogc_fid || ': ' || s." + quote(field) + "::text FROM " + staging
                        + " s WHERE NOT " + castable + " ORDER BY s.ogc_fid LIMIT 5")
                    .param(column.sqlType())
                    .query(String.class)
                    .list();
                if (!examples.isEmpty()) {
                    long n = jdbc.sql("SELECT count(*) FROM " + staging + " s WHERE NOT " + castable)
                        .param(column.sqlType())
                        .query(Long.class)
                        .single();
                    bad.add(new ImportReport.BadValues(column.name(), field, column.sqlType(), n, examples));
                }
            }
            boolean generated = column.name().equals("code") || column.name().equals("name");
            if (column.required() && !generated && !defaults.containsKey(column.name())) {
                long n = field == null ? -1
                        : jdbc.sql("SELECT count(*) FROM " + staging + " s WHERE " + ImportSql.text(field) + " IS NULL")
                            .query(Long.class)
                            .single();
                if (n != 0) {
                    missing.add(new ImportReport.Missing(column.name(), n));
                }
            }
        }
        return new ImportReport.Checks(bad, missing, duplicates(job, target, mapping, defaults));
    }

    private ImportReport.Duplicates duplicates(UUID job, ImportTarget target, Map<String, String> mapping,
            Map<String, String> defaults) {
        ImportSql.Expression code = ImportSql.code(job, mapping, defaults);
        String staging = Staging.qualified(job);
        long inFile = jdbc.sql("SELECT count(*) - count(DISTINCT " + code.sql() + ") FROM " + staging + " s")
            .params(code.args())
            .query(Long.class)
            .single();
        if (target.isNew()) {
            return new ImportReport.Duplicates(inFile, 0, List.of());
        }
        String existing = " FROM " + staging + " s JOIN " + quote(target.id()) + " t ON t.code = " + code.sql();
        long count = jdbc.sql("SELECT count(*)" + existing).params(code.args()).query(Long.class).single();
        List<String> examples = jdbc.sql("SELECT t.code" + existing + " ORDER BY s.ogc_fid LIMIT 10")
            .params(code.args())
            .query(String.class)
            .list();
        return new ImportReport.Duplicates(inFile, count, examples);
    }

    private String preview(String staging) {
        return jdbc.sql("""
                SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
                    'type', 'Feature', 'id', s.ogc_fid, 'geometry', ST_AsGeoJSON(s.geom, 7)::json,
                    'properties', to_jsonb(s) - 'geom' - 'ogc_fid') ORDER BY s.ogc_fid), '[]'))::text
                FROM (SELECT * FROM %s ORDER BY ogc_fid LIMIT 20) s""".formatted(staging))
            .query(String.class)
            .single();
    }

}
