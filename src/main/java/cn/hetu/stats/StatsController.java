package cn.hetu.stats;

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
import cn.hetu.plan.DashboardTiles;
import cn.hetu.plan.Years;
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

    record Overview(long projects, double investmentPlanned, double investmentDone, long overdueMilestones,
            List<StatusFigure> projectsByStatus, List<DepartmentFigure> projectsByDepartment,
            Map<String, Long> assets, List<Integer> planYears, List<DashboardTiles.Tile> tiles) {
    }

    private final Catalog catalog;

    private final LayerAccess access;

    private final StatsQueries queries;

    private final DashboardTiles tiles;

    private final County county;

    StatsController(Catalog catalog, LayerAccess access, StatsQueries queries, DashboardTiles tiles, County county) {
        this.county = county;
        this.catalog = catalog;
        this.access = access;
        this.queries = queries;
        this.tiles = tiles;
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

    /** The projects' figures and the tiles of the year's plans (the county's current year unless asked). */
    @GetMapping("/overview")
    @Transactional(readOnly = true)
    Overview overview(@RequestParam(required = false) String year) {
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
                tiles.years(), tiles.tiles(year == null || year.isBlank() ? county.today().getYear() : Years.parse(year)));
    }

}
