package cn.hetu.plan;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.audit.Actor;
import cn.hetu.security.HetuUser;
import cn.hetu.security.LayerAccess;
import cn.hetu.security.Role;
import cn.hetu.system.EditConflict;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;
import cn.hetu.system.Refusal;
import cn.hetu.system.UploadedDocuments;

/**
 * Changes to plans. A department's editors change their own department's open plans and report the values
 * of their tasks; a closed year's plan changes only by an administrator. Every change lands in the audit
 * trail by the plan tables' triggers, in the name {@link Actor#stamp} gives.
 */
@Component
class PlanWrites {

    /** An indicator as a client or the seed sends it. */
    public record IndicatorInput(String nameZh, String nameEn, String kind, String unit, String comparison,
            Double target, LocalDate periodStart, LocalDate deadline, String measurement, String collection,
            String filter, String aggregate, Boolean onDashboard, Integer version) {

        Measurement toMeasurement() {
            return new Measurement(kind, unit, measurement, collection, filter, aggregate);
        }
    }

    public record ReportInput(Double value, LocalDate reportedOn, String note) {
    }

    public record Evidence(String name, String contentType, byte[] content) {
    }

    private final JdbcClient jdbc;

    private final Actor actor;

    private final LayerAccess access;

    private final PlanQueries queries;

    private final RegistryFigures figures;

    PlanWrites(JdbcClient jdbc, Actor actor, LayerAccess access, PlanQueries queries, RegistryFigures figures) {
        this.jdbc = jdbc;
        this.actor = actor;
        this.access = access;
        this.queries = queries;
        this.figures = figures;
    }

    @Transactional
    public long report(long indicatorId, ReportInput input, Evidence evidence) {
        actor.stamp();
        checkReporter(indicatorId);
        String kind = jdbc.sql("SELECT kind FROM plan_indicator WHERE id = ? AND measurement = 'reported'")
            .param(indicatorId).query(String.class).optional()
            .orElseThrow(() -> new Refusal(HttpStatus.CONFLICT, "Measured from the registry",
                    "Indicator " + indicatorId + " is measured from the registry; its figure is not reported", "indicator"));
        checkValue(kind, input.value(), "value");
        if (input.reportedOn() == null) {
            throw new InvalidParameterException("reportedOn", "reportedOn is the day the value was reached (yyyy-MM-dd)");
        }
        if (input.reportedOn().isAfter(queries.today())) {
            throw new InvalidParameterException("reportedOn", "reportedOn " + input.reportedOn() + " is after the county's today");
        }
        checkEvidence(evidence);
        long id = jdbc.sql("""
                INSERT INTO indicator_report (indicator_id, value, reported_on, note, evidence_name)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
            .params(indicatorId, input.value(), input.reportedOn(), blankToNull(input.note()),
                    evidence == null ? null : evidence.name())
            .query(Long.class)
            .single();
        if (evidence != null) {
            jdbc.sql("INSERT INTO indicator_evidence (report_id, content_type, content) VALUES (?, ?, ?)")
                .params(id, evidence.contentType(), evidence.content())
                .update();
        }
        return id;
    }

    /** Refuses (403) a user who may not report the indicator's values: see {@link #checkChange}. */
    void checkReporter(long indicatorId) {
        PlanQueries.Owner owner = queries.ownerOfIndicator(indicatorId);
        String responsible = jdbc.sql("SELECT k.responsible FROM plan_indicator i JOIN plan_task k ON k.id = i.task_id WHERE i.id = ?")
            .param(indicatorId).query(String.class).single();
        checkChange(owner, responsible);
    }

    @Transactional
    public void saveIndicator(long indicatorId, IndicatorInput input) {
        actor.stamp();
        checkChange(queries.ownerOfIndicator(indicatorId), null);
        check(input);
        int updated = jdbc.sql("""
                UPDATE plan_indicator SET name_zh = ?, name_en = ?, kind = ?, unit = ?, comparison = ?, target = ?,
                    period_start = ?, deadline = ?, measurement = ?, collection = ?, filter = ?, aggregate = ?,
                    on_dashboard = ?, version = version + 1
                WHERE id = ? AND version = ?""")
            .params(input.nameZh().trim(), blankToNull(input.nameEn()), input.kind(), input.unit(), comparison(input),
                    input.target(), input.periodStart(), input.deadline(), input.measurement(), registryOnly(input, input.collection()),
                    registryOnly(input, blankToNull(input.filter())), registryOnly(input, input.aggregate()),
                    Boolean.TRUE.equals(input.onDashboard()), indicatorId, input.version() == null ? -1 : input.version())
            .update();
        if (updated == 0) {
            throw new EditConflict("Indicator " + indicatorId + " was changed by someone else; reload it and try again",
                    false, null);
        }
    }

    @Transactional
    public long addIndicator(long taskId, IndicatorInput input) {
        actor.stamp();
        long planId = jdbc.sql("SELECT plan_id FROM plan_task WHERE id = ?").param(taskId).query(Long.class).optional()
            .orElseThrow(() -> new NotFoundException("No task " + taskId));
        checkChange(queries.ownerOfPlan(planId), null);
        return insertIndicator(taskId, input);
    }

    /** Copies a plan, with its tasks, links and indicators, to a later year; the year named in filters moves too. */
    @Transactional
    public long copy(long planId, int year) {
        actor.stamp();
        PlanQueries.Owner owner = queries.ownerOfPlan(planId);
        checkDepartment(owner.department());
        return copyAsSystem(planId, year);
    }

    /**
     * Closes a plan's year: every figure is frozen (a registry figure as the registry stands now, a reported one
     * as last reported by its deadline), and from then on only administrators change the plan.
     */
    @Transactional
    public void close(long planId) {
        actor.stamp();
        HetuUser user = access.requireUser();
        if (!user.has(Role.ADMIN)) {
            throw new AccessDeniedException(user.username() + " may not close a year's plan; administrators do");
        }
        closeAsSystem(planId);
    }

    long copyAsSystem(long planId, int year) {
        PlanQueries.Owner owner = queries.ownerOfPlan(planId);
        if (year <= owner.year() || year > 2100) {
            throw new InvalidParameterException("year", "a plan of " + owner.year() + " is copied to a later year, not " + year);
        }
        if (jdbc.sql("SELECT count(*) FROM plan WHERE department = ? AND year = ?").params(owner.department(), year)
            .query(Long.class).single() > 0) {
            throw new Refusal(HttpStatus.CONFLICT, "Plan exists", "The department already has a plan for " + year, "year");
        }
        int shift = year - owner.year();
        long copy = jdbc.sql("""
                INSERT INTO plan (department, year, title, copied_from)
                SELECT department, ?, replace(title, year::text, ?::text), id FROM plan WHERE id = ? RETURNING id""")
            .params(year, year, planId).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO plan_task (plan_id, seq, section, title, body, responsible)
                SELECT ?, seq, section, title, body, responsible FROM plan_task WHERE plan_id = ?""")
            .params(copy, planId).update();
        jdbc.sql("""
                INSERT INTO plan_task_project (task_id, project_id)
                SELECT n.id, l.project_id FROM plan_task o JOIN plan_task n ON n.plan_id = ? AND n.seq = o.seq
                JOIN plan_task_project l ON l.task_id = o.id WHERE o.plan_id = ?""")
            .params(copy, planId).update();
        jdbc.sql("""
                INSERT INTO plan_task_asset (task_id, collection, asset_id)
                SELECT n.id, l.collection, l.asset_id FROM plan_task o JOIN plan_task n ON n.plan_id = ? AND n.seq = o.seq
                JOIN plan_task_asset l ON l.task_id = o.id WHERE o.plan_id = ?""")
            .params(copy, planId).update();
        jdbc.sql("""
                INSERT INTO plan_indicator (task_id, seq, name_zh, name_en, kind, unit, comparison, target, period_start,
                    deadline, measurement, collection, filter, aggregate, on_dashboard)
                SELECT n.id, i.seq, replace(i.name_zh, :from::text, :to::text), i.name_en, i.kind, i.unit, i.comparison, i.target,
                       (i.period_start + make_interval(years => :shift))::date, (i.deadline + make_interval(years => :shift))::date,
                       i.measurement, i.collection, regexp_replace(i.filter, '\\m' || :from || '\\M', :to::text, 'g'),
                       i.aggregate, i.on_dashboard
                FROM plan_task o JOIN plan_task n ON n.plan_id = :copy AND n.seq = o.seq
                JOIN plan_indicator i ON i.task_id = o.id WHERE o.plan_id = :plan""")
            .param("from", owner.year()).param("to", year).param("shift", shift).param("copy", copy).param("plan", planId)
            .update();
        return copy;
    }

    void closeAsSystem(long planId) {
        PlanQueries.Owner owner = queries.ownerOfPlan(planId);
        if (owner.closed()) {
            throw new Refusal(HttpStatus.CONFLICT, "Plan closed", "Plan " + planId + " is closed already", "id");
        }
        for (var task : queries.plan(planId).tasks()) {
            for (var indicator : task.indicators()) {
                Double value = indicator.measurement().equals(Measurement.REPORTED) ? indicator.reports().stream()
                    .filter(r -> !r.reportedOn().isAfter(indicator.deadline()))
                    .map(PlanViews.Report::value)
                    .findFirst()
                    .orElse(null) : indicator.value();
                jdbc.sql("UPDATE plan_indicator SET frozen_value = ?, frozen_at = now() WHERE id = ?")
                    .params(value, indicator.id()).update();
            }
        }
        jdbc.sql("UPDATE plan SET closed = true, closed_at = now(), version = version + 1 WHERE id = ?").param(planId).update();
    }

    long insertPlan(String department, int year, String title) {
        return jdbc.sql("INSERT INTO plan (department, year, title) VALUES (?, ?, ?) RETURNING id")
            .params(department, year, title).query(Long.class).single();
    }

    long insertTask(long planId, int seq, String section, String title, String body, String responsible) {
        return jdbc.sql("""
                INSERT INTO plan_task (plan_id, seq, section, title, body, responsible) VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
            .params(planId, seq, section, title, body, responsible).query(Long.class).single();
    }

    long insertIndicator(long taskId, IndicatorInput input) {
        check(input);
        return jdbc.sql("""
                INSERT INTO plan_indicator (task_id, seq, name_zh, name_en, kind, unit, comparison, target, period_start,
                    deadline, measurement, collection, filter, aggregate, on_dashboard)
                VALUES (?, (SELECT COALESCE(max(seq), 0) + 1 FROM plan_indicator WHERE task_id = ?), ?, ?, ?, ?, ?, ?, ?, ?,
                        ?, ?, ?, ?, ?) RETURNING id""")
            .params(taskId, taskId, input.nameZh().trim(), blankToNull(input.nameEn()), input.kind(), input.unit(),
                    comparison(input), input.target(), input.periodStart(), input.deadline(), input.measurement(),
                    registryOnly(input, input.collection()), registryOnly(input, blankToNull(input.filter())),
                    registryOnly(input, input.aggregate()), Boolean.TRUE.equals(input.onDashboard()))
            .query(Long.class)
            .single();
    }

    /** Records a value as the department reported it, without a signed-in user (the demo's history). */
    void insertReport(long indicatorId, double value, LocalDate on, String note, Timestamp at) {
        jdbc.sql("INSERT INTO indicator_report (indicator_id, value, reported_on, note, reported_at) VALUES (?, ?, ?, ?, ?)")
            .params(indicatorId, value, on, note, at).update();
    }

    /** Refuses an indicator that is incomplete, inconsistent, or measured by a filter the registry cannot evaluate. */
    void check(IndicatorInput in) {
        if (in.nameZh() == null || in.nameZh().isBlank()) {
            throw new InvalidParameterException("nameZh", "nameZh names the indicator");
        }
        if (in.kind() == null || !Measurement.AGGREGATE_OF_KIND.containsKey(in.kind())) {
            throw new InvalidParameterException("kind", "kind is count, length, area or percentage");
        }
        if (in.unit() == null || in.unit().isBlank() || in.unit().length() > 8) {
            throw new InvalidParameterException("unit", "unit is a word of at most 8 characters (条, 座, km, %)");
        }
        Set<String> units = Measurement.UNITS_OF_KIND.get(in.kind());
        if (units != null && !units.contains(in.unit())) {
            throw new InvalidParameterException("unit", "a " + in.kind() + " is given in " + String.join(", ", units.stream().sorted().toList())
                    + ", not " + in.unit());
        }
        if (in.comparison() != null && !List.of("at_least", "no_more_than").contains(in.comparison())) {
            throw new InvalidParameterException("comparison", "comparison is at_least or no_more_than");
        }
        checkValue(in.kind(), in.target(), "target");
        if (in.periodStart() == null || in.deadline() == null || in.deadline().isBefore(in.periodStart())) {
            throw new InvalidParameterException("deadline", "periodStart and deadline are days, the deadline not before the start");
        }
        if (!List.of(Measurement.REGISTRY, Measurement.REPORTED).contains(in.measurement())) {
            throw new InvalidParameterException("measurement", "measurement is registry or reported");
        }
        if (in.toMeasurement().fromRegistry()) {
            if (in.collection() == null || in.aggregate() == null) {
                throw new InvalidParameterException("collection", "a registry measurement names a collection and an aggregate");
            }
            checkMeasurable(in.toMeasurement());
        }
    }

    /** Refuses (422, with the reason) a registry measurement the server cannot evaluate. */
    void checkMeasurable(Measurement m) {
        figures.problem(m).ifPresent(problem -> {
            throw new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, "Indicator cannot be measured", problem,
                    problem.startsWith("filter") ? "filter" : problem.startsWith("collection") ? "collection" : "aggregate");
        });
    }

    /** A value in the indicator's unit: a number, never negative, a percentage at most 100, a count whole. */
    static void checkValue(String kind, Double value, String field) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            throw new InvalidParameterException(field, field + " is a number");
        }
        if (value < 0) {
            throw new InvalidParameterException(field, field + " is never negative, got " + value);
        }
        if (kind.equals("percentage") && value > 100) {
            throw new InvalidParameterException(field, "a percentage is at most 100, got " + value);
        }
        if (kind.equals("count") && value != Math.rint(value)) {
            throw new InvalidParameterException(field, "a count is a whole number, got " + value);
        }
    }

    private static void checkEvidence(Evidence evidence) {
        if (evidence != null) {
            UploadedDocuments.check(evidence.contentType(), evidence.content(), "file");
        }
    }

    /** Administrators change any plan; a department's editors their own open plans (and report for their tasks). */
    void checkChange(PlanQueries.Owner owner, String responsible) {
        HetuUser user = access.requireUser();
        if (user.has(Role.ADMIN)) {
            return;
        }
        if (owner.closed()) {
            throw new AccessDeniedException("The plan of " + owner.year() + " is closed; only an administrator changes it");
        }
        if (!isEditorOf(user, owner.department()) && !isEditorOf(user, responsible)) {
            throw new AccessDeniedException(user.username() + " may not change the plan of department " + owner.department());
        }
    }

    private void checkDepartment(String department) {
        HetuUser user = access.requireUser();
        if (!user.has(Role.ADMIN) && !isEditorOf(user, department)) {
            throw new AccessDeniedException(user.username() + " may not copy the plan of department " + department);
        }
    }

    private static boolean isEditorOf(HetuUser user, String department) {
        return department != null && user.has(Role.EDITOR) && department.equals(user.department());
    }

    private static String comparison(IndicatorInput in) {
        return in.comparison() == null ? "at_least" : in.comparison();
    }

    private static String registryOnly(IndicatorInput in, String value) {
        return in.toMeasurement().fromRegistry() ? value : null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

}
