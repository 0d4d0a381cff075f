package cn.hetu.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Layer;
import cn.hetu.catalog.PropertyFilters;
import cn.hetu.plan.DashboardTiles;
import cn.hetu.plan.Years;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.InvalidParameterException;

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
            Map<String, Long> assets, List<DashboardTiles.Tile> tiles) {
    }

    private final Catalog catalog;

    private final LayerAccess access;

    private final JdbcClient jdbc;

    private final DashboardTiles tiles;

    StatsController(Catalog catalog, LayerAccess access, JdbcClient jdbc, DashboardTiles tiles) {
        this.catalog = catalog;
        this.access = access;
        this.jdbc = jdbc;
        this.tiles = tiles;
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

    /**
     * Features of one collection per work status, narrowed by equality filters on its properties
     * ({@code ?treated=true&department=water}), as a map view of that layer draws them.
     */
    @GetMapping("/counts/{collection}")
    @Transactional(readOnly = true)
    Map<String, Long> collectionCounts(@PathVariable String collection,
            @RequestParam MultiValueMap<String, String> params) {
        Layer layer = access.readable(collection);
        if (layer.isRecord()) {
            throw new InvalidParameterException("collection", "Records of the river chief system are not counted by status");
        }
        Map<String, Object> filters = PropertyFilters.parse(layer, params);
        String where = filters.keySet().stream().map(name -> quote(name) + " = ?").collect(Collectors.joining(" AND "));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.sql("SELECT status, count(*) FROM " + quote(layer.id()) + (where.isEmpty() ? "" : " WHERE " + where)
                + " GROUP BY status ORDER BY status")
            .params(List.copyOf(filters.values()))
            .query(rs -> {
                byStatus.put(rs.getString(1), rs.getLong(2));
            });
        return byStatus;
    }

    /** The projects' figures and the tiles of the year's plans (the county's current year unless asked). */
    @GetMapping("/overview")
    @Transactional(readOnly = true)
    Overview overview(@RequestParam(required = false) String year) {
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
        long overdue = jdbc.sql("""
                SELECT count(*) FROM project_milestone
                WHERE done_on IS NULL AND due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date""")
            .query(Long.class)
            .single();
        Map<String, Long> assets = new LinkedHashMap<>();
        for (Layer layer : access.readableLayers()) {
            assets.put(layer.id(), catalog.rowCount(layer));
        }
        return new Overview(byStatus.stream().mapToLong(StatusFigure::count).sum(),
                byStatus.stream().mapToDouble(StatusFigure::investmentPlanned).sum(),
                byStatus.stream().mapToDouble(StatusFigure::investmentDone).sum(), overdue, byStatus, byDepartment, assets,
                tiles.tiles(year == null || year.isBlank() ? DashboardTiles.currentYear() : Years.parse(year)));
    }

}
