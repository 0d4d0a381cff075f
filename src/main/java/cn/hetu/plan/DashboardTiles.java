package cn.hetu.plan;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The dashboard's tiles: the indicators a year's plans mark for the dashboard, each naming the indicator
 * and plan it shows, with its figure, target, status and the map view of the features behind it.
 */
@Component
public class DashboardTiles {

    /**
     * {@code value} is null, with {@code problem}, when the indicator cannot be evaluated; {@code mapView} (the
     * features behind a registry figure) is null for a reported one, whose {@code planView} shows its reports.
     */
    public record Tile(String key, long indicatorId, long planId, String department, String titleZh, String titleEn,
            Double value, String problem, double target, String comparison, String unit, String status, String mapView,
            String planView, int year, LocalDate deadline) {
    }

    private final PlanQueries queries;

    DashboardTiles(PlanQueries queries) {
        this.queries = queries;
    }

    /** The years that have plans, latest first: those a dashboard may be shown for. */
    public List<Integer> years() {
        return queries.years();
    }

    public List<Tile> tiles(int year) {
        return queries.plans(year, null).stream()
            .flatMap(plan -> plan.tasks().stream()
                .flatMap(task -> task.indicators().stream())
                .filter(PlanViews.Indicator::onDashboard)
                .map(i -> new Tile("indicator-" + i.id(), i.id(), plan.id(), plan.department(), i.nameZh(), i.nameEn(),
                        i.value(), i.problem(), i.target(), i.comparison(), i.unit(), i.status(), i.mapView(),
                        "#/plans?year=" + year + "&department=" + plan.department(), year,
                        i.deadline())))
            .toList();
    }

}
