package cn.hetu.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Layer;
import cn.hetu.security.LayerAccess;

import static cn.hetu.system.SqlIdentifiers.quote;

/** Figures for the legend and the dashboard. */
@RestController
@RequestMapping("/api/v1/stats")
class StatsController {

    record StatusFigure(String status, long count, double investmentPlanned, double investmentDone) {
    }

    record DepartmentFigure(String department, String nameZh, String nameEn, long count, double investmentPlanned,
            double investmentDone) {
    }

    record Overview(long projects, double investmentPlanned, double investmentDone, long overdueMilestones,
            List<StatusFigure> projectsByStatus, List<DepartmentFigure> projectsByDepartment,
            Map<String, Long> assets, Map<String, Object> water, Map<String, Object> land) {
    }

    private final Catalog catalog;

    private final LayerAccess access;

    private final JdbcClient jdbc;

    StatsController(Catalog catalog, LayerAccess access, JdbcClient jdbc) {
        this.catalog = catalog;
        this.access = access;
        this.jdbc = jdbc;
    }

    /** Features per collection and work status, under the same filters as the map. */
    @GetMapping("/counts")
    @Transactional(readOnly = true)
    Map<String, Map<String, Long>> counts(@RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> department) {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        for (Layer layer : access.readableLayers()) {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            jdbc.sql("SELECT status, count(*) FROM " + quote(layer.id())
                    + " WHERE (:anyStatus OR status = ANY (:status)) AND (:anyDepartment OR department = ANY (:department))"
                    + " GROUP BY status ORDER BY status")
                .param("anyStatus", status == null || status.isEmpty())
                .param("status", (status == null ? List.of() : status).toArray(String[]::new))
                .param("anyDepartment", department == null || department.isEmpty())
                .param("department", (department == null ? List.of() : department).toArray(String[]::new))
                .query(rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                });
            result.put(layer.id(), byStatus);
        }
        return result;
    }

    @GetMapping("/overview")
    @Transactional(readOnly = true)
    Overview overview() {
        List<StatusFigure> byStatus = jdbc.sql("""
                SELECT status, count(*), COALESCE(sum(investment_planned), 0), COALESCE(sum(investment_done), 0)
                FROM project GROUP BY status ORDER BY count(*) DESC""")
            .query((rs, n) -> new StatusFigure(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)))
            .list();
        List<DepartmentFigure> byDepartment = jdbc.sql("""
                SELECT d.code, d.name_zh, d.name_en, count(p.id), COALESCE(sum(p.investment_planned), 0),
                       COALESCE(sum(p.investment_done), 0)
                FROM department d LEFT JOIN project p ON p.department = d.code
                GROUP BY d.code, d.name_zh, d.name_en ORDER BY count(p.id) DESC, d.code""")
            .query((rs, n) -> new DepartmentFigure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                    rs.getDouble(5), rs.getDouble(6)))
            .list();
        long overdue = jdbc.sql("SELECT count(*) FROM project_milestone WHERE done_on IS NULL AND due_on < current_date")
            .query(Long.class)
            .single();
        Map<String, Long> assets = new LinkedHashMap<>();
        for (Layer layer : access.readableLayers()) {
            assets.put(layer.id(), catalog.estimatedRows(layer) >= 100_000 ? catalog.estimatedRows(layer)
                    : jdbc.sql("SELECT count(*) FROM " + quote(layer.id())).query(Long.class).single());
        }
        return new Overview(byStatus.stream().mapToLong(StatusFigure::count).sum(),
                byStatus.stream().mapToDouble(StatusFigure::investmentPlanned).sum(),
                byStatus.stream().mapToDouble(StatusFigure::investmentDone).sum(), overdue, byStatus, byDepartment, assets,
                water(), land());
    }

    private Map<String, Object> water() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM ditch) AS ditches,
                       (SELECT count(*) FROM ditch WHERE class = 'large') AS large_ditches,
                       (SELECT count(*) FROM ditch WHERE class = 'medium') AS medium_ditches,
                       (SELECT count(*) FROM ditch WHERE treated) AS treated_ditches,
                       (SELECT count(*) FROM ditch WHERE planned_year IS NOT NULL AND NOT treated) AS ditches_planned,
                       (SELECT count(*) FROM bridge WHERE condition = 'dangerous') AS dangerous_bridges,
                       (SELECT count(*) FROM sluice WHERE standardization <> 'none') AS sluices_in_standardization,
                       (SELECT round(sum(length_m)::numeric / 1000, 2) FROM river_segment) AS river_km""")
            .query()
            .singleRow();
    }

    private Map<String, Object> land() {
        return jdbc.sql("""
                SELECT count(*) AS parcels,
                       round(sum(area_m2)::numeric / 10000, 2) AS area_ha,
                       count(*) FILTER (WHERE disposal_status = 'disposed') AS disposed,
                       round(COALESCE(sum(area_m2) FILTER (WHERE disposal_status = 'disposed'), 0)::numeric / 10000, 2)
                           AS disposed_ha
                FROM land_parcel""")
            .query()
            .singleRow();
    }

}
