package cn.hetu.stats;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Layer;
import cn.hetu.county.County;
import cn.hetu.parcel.DisposalRates;
import cn.hetu.query.ItemsFilter;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.InvalidParameterException;

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

    private final StatsQueries queries;

    private final DisposalRates rates;

    private final County county;

    StatsController(Catalog catalog, LayerAccess access, StatsQueries queries, DisposalRates rates, County county) {
        this.county = county;
        this.catalog = catalog;
        this.access = access;
        this.queries = queries;
        this.rates = rates;
    }

    /** Features per collection and work status, under the same filters as the map. */
    @GetMapping("/counts")
    @Transactional(readOnly = true)
    Map<String, Map<String, Long>> counts(@RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> department) {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        for (Layer layer : access.readableLayers()) {
            result.put(layer.id(), queries.countsByStatus(layer, status, department));
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
        return queries.countsByStatus(layer, ItemsFilter.parse(layer, params, Set.of()).where(layer));
    }

    @GetMapping("/overview")
    @Transactional(readOnly = true)
    Overview overview() {
        List<StatusFigure> byStatus = queries.projectsByStatus();
        List<DepartmentFigure> byDepartment = queries.projectsByDepartment();
        long overdue = queries.overdueMilestones();
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
        Map<String, Object> f = queries.planFigures();
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
