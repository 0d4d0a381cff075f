package cn.hetu.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the plans API answers: a plan with its tasks, their indicators, figures and status. */
public final class PlanViews {

    private PlanViews() {
    }

    public record Plan(long id, String department, String departmentZh, String departmentEn, int year, String title,
            boolean closed, Instant closedAt, Long copiedFrom, int version, List<Task> tasks) {
    }

    public record Task(long id, int seq, String section, String title, String body, String responsible, int version,
            List<ProjectLink> projects, List<AssetLink> assets, List<Indicator> indicators) {
    }

    public record ProjectLink(long id, String code, String name, String status) {
    }

    public record AssetLink(String collection, long id, String code, String name) {
    }

    /**
     * An indicator with its current figure: live while its plan is open, frozen once the year is closed.
     * {@code value} is null, with {@code problem} saying why, when the indicator cannot be evaluated.
     */
    public record Indicator(long id, long planId, int seq, String nameZh, String nameEn, String kind, String unit,
            String comparison, double target, LocalDate periodStart, LocalDate deadline, String measurement,
            String collection, String filter, String aggregate, boolean onDashboard, Double value, String problem,
            String status, boolean frozen, Instant frozenAt, String mapView, int version, List<Report> reports) {
    }

    public record Report(long id, double value, LocalDate reportedOn, String note, String evidenceName,
            String evidenceUrl, String reportedBy, Instant reportedAt) {
    }

}
