package cn.hetu.stats;

import java.time.LocalDate;
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
import cn.hetu.county.County;
import cn.hetu.parcel.DisposalRates;
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

    /**
     * A figure from the departments' plans next to its target, and the map view that shows it
     * ({@code mapView} is the map's hash route). A yearly figure names its {@code year}; its value is null
     * when it cannot be measured (a disposal rate without the year's baseline).
     */
    record Tile(String key, String titleZh, String titleEn, Double value, Double target, String unit, String mapView,
            Integer year) {
    }

    record Overview(long projects, double investmentPlanned, double investmentDone, long overdueMilestones,
            List<StatusFigure> projectsByStatus, List<DepartmentFigure> projectsByDepartment,
            Map<String, Long> assets, List<Tile> tiles) {
    }

    private final Catalog catalog;

    private final LayerAccess access;

    private final JdbcClient jdbc;

    private final DisposalRates rates;

    private final County county;

    StatsController(Catalog catalog, LayerAccess access, JdbcClient jdbc, DisposalRates rates, County county) {
        this.county = county;
        this.catalog = catalog;
        this.access = access;
        this.jdbc = jdbc;
        this.rates = rates;
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
        long overdue = jdbc.sql("""
                SELECT count(*) FROM project_milestone
                WHERE done_on IS NULL AND due_on < (now() AT TIME ZONE county_time_zone())::date""")
            .query(Long.class)
            .single();
        Map<String, Long> assets = new LinkedHashMap<>();
        for (Layer layer : access.readableLayers()) {
            assets.put(layer.id(), catalog.rowCount(layer));
        }
        return new Overview(byStatus.stream().mapToLong(StatusFigure::count).sum(),
                byStatus.stream().mapToDouble(StatusFigure::investmentPlanned).sum(),
                byStatus.stream().mapToDouble(StatusFigure::investmentDone).sum(), overdue, byStatus, byDepartment, assets,
                tiles());
    }

    /** The plans' own figures: ditches, sluices, bridges and the land disposal rates of the current year. */
    private List<Tile> tiles() {
        int year = county.today().getYear();
        DisposalRates.Report disposal = rates.report(year);
        Map<String, Object> f = jdbc.sql("""
                SELECT (SELECT count(*) FROM ditch) AS ditches,
                       (SELECT count(*) FROM ditch WHERE treated) AS treated,
                       (SELECT count(*) FROM ditch WHERE planned_year = 2023) AS plan_2023,
                       (SELECT count(*) FROM ditch WHERE planned_year = 2023 AND treated) AS plan_2023_done,
                       (SELECT count(*) FROM sluice WHERE standardization <> 'none') AS standardization,
                       (SELECT count(*) FROM sluice WHERE standardization = 'certified') AS certified,
                       (SELECT count(*) FROM sluice WHERE scale = 'small' AND (appraisal = 'planned'
                            OR appraised_on >= DATE '2023-01-01')) AS appraisals,
                       (SELECT count(*) FROM sluice WHERE scale = 'small' AND appraisal = 'done'
                            AND appraised_on >= DATE '2023-01-01') AS appraised,
                       (SELECT count(*) FROM bridge WHERE rebuild_year IS NOT NULL) AS bridges,
                       (SELECT count(*) FROM bridge WHERE rebuild_year IS NOT NULL AND status = 'completed') AS rebuilt""")
            .query()
            .singleRow();
        return List.of(
                new Tile("ditches_treated", "大中沟已治理", "Ditches treated", number(f, "treated"), number(f, "ditches"), "条",
                        "#/layer/ditch?treated=true", null),
                new Tile("ditches_plan_2023", "2023年计划治理大中沟", "Ditches of the 2023 plan treated",
                        number(f, "plan_2023_done"), number(f, "plan_2023"), "条", "#/layer/ditch?planned_year=2023", null),
                new Tile("sluice_standardization", "大中型水闸标准化创建", "Sluice standardization",
                        number(f, "certified"), number(f, "standardization"), "座", "#/layer/sluice?standardization=in_progress", null),
                new Tile("small_sluice_appraisal", "小型水闸安全鉴定", "Small sluice safety appraisals",
                        number(f, "appraised"), number(f, "appraisals"), "座", "#/layer/sluice?appraisal=planned", null),
                new Tile("dangerous_bridges_rebuilt", "病险桥梁改造", "Dangerous bridges rebuilt", number(f, "rebuilt"),
                        number(f, "bridges"), "座", "#/layer/bridge?condition=dangerous", null),
                disposalRate(disposal, 0, "disposal_idle_unsupplied", "批而未供和闲置土地",
                        "approved-unsupplied and idle land"),
                disposalRate(disposal, 1, "disposal_inefficient", "工业低效用地", "inefficient industrial land"));
    }

    /** The year's rate of one of the plans' two groups, as the rate page shows it; none without a baseline. */
    private static Tile disposalRate(DisposalRates.Report report, int group, String key, String groupZh, String groupEn) {
        Double value = report.hasBaseline() ? report.county().get(group).ratePct() : null;
        return new Tile(key, report.year() + "年" + groupZh + "处置率",
                "Disposal rate of " + groupEn + ", " + report.year(), value, DisposalRates.TARGET_PCT, "%",
                "#/parcels?view=kpi&year=" + report.year(), report.year());
    }

    private static double number(Map<String, Object> figures, String key) {
        return ((Number) figures.get(key)).doubleValue();
    }

}
