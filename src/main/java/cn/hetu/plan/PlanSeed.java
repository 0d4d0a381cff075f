package cn.hetu.plan;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import cn.hetu.county.County;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * Loads the demo county's plans ({@code seed/plans.json}): the five departments' 2023 plans as the seed
 * documents give them, the values the departments reported, the years to close (their figures frozen), and
 * each department's copy to a later year with its adjustments. A copy goes to the year of loading when that
 * is later than the file's, with its reports moved by the same years (and none dated after today), so the
 * dashboard of the current year always has a plan. Registry measurements are checked as when a user saves them.
 */
@Component
public class PlanSeed {

    private final JdbcClient jdbc;

    private final PlanWrites writes;

    private final ObjectMapper json;

    private final County county;

    PlanSeed(JdbcClient jdbc, PlanWrites writes, ObjectMapper json, County county) {
        this.county = county;
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    /** Loads the plans of the file's text; the number of plans made. */
    public int load(String text, LocalDate today) {
        JsonNode root = json.readTree(text);
        int plans = 0;
        for (JsonNode plan : root.path("plans")) {
            loadPlan(plan);
            plans++;
        }
        for (JsonNode year : root.path("closed")) {
            for (long id : planIds(year.asInt())) {
                writes.closeAsSystem(id);
            }
        }
        for (JsonNode copy : root.path("copies")) {
            int from = copy.get("fromYear").asInt();
            int to = Math.max(copy.get("toYear").asInt(), today.getYear());
            int shift = to - copy.get("toYear").asInt();
            for (long id : planIds(from)) {
                writes.copyAsSystem(id, to);
                plans++;
            }
            for (JsonNode a : copy.path("adjust")) {
                adjust(a, to, copy.get("toYear").asInt());
            }
            for (JsonNode r : copy.path("reports")) {
                LocalDate on = LocalDate.parse(r.get("on").asString()).plusYears(shift);
                if (!on.isAfter(today)) {
                    writes.insertReport(indicatorId(r, to), r.get("value").asDouble(), on, text(r, "note"), stampOf(on));
                }
            }
        }
        return plans;
    }

    private void loadPlan(JsonNode plan) {
        int year = plan.get("year").asInt();
        String department = plan.get("department").asString();
        long planId = writes.insertPlan(department, year, plan.get("title").asString());
        for (JsonNode task : plan.path("tasks")) {
            long taskId = writes.insertTask(planId, task.get("seq").asInt(), text(task, "section"), task.get("title").asString(),
                    task.path("body").asString(""), department);
            for (JsonNode code : task.path("projects")) {
                jdbc.sql("INSERT INTO plan_task_project (task_id, project_id) SELECT ?, id FROM project WHERE code = ?")
                    .params(taskId, code.asString()).update();
            }
            for (Map.Entry<String, JsonNode> assets : task.path("assets").properties()) {
                for (JsonNode code : assets.getValue()) {
                    jdbc.sql("INSERT INTO plan_task_asset (task_id, collection, asset_id) SELECT ?, ?, id FROM "
                            + quote(assets.getKey()) + " WHERE code = ?")
                        .params(taskId, assets.getKey(), code.asString()).update();
                }
            }
            for (JsonNode indicator : task.path("indicators")) {
                long id = writes.insertIndicator(taskId, input(indicator, year));
                for (JsonNode r : indicator.path("reports")) {
                    LocalDate on = LocalDate.parse(r.get("on").asString());
                    writes.insertReport(id, r.get("value").asDouble(), on, text(r, "note"), stampOf(on));
                }
            }
        }
    }

    private static PlanWrites.IndicatorInput input(JsonNode i, int year) {
        return new PlanWrites.IndicatorInput(i.get("nameZh").asString(), text(i, "nameEn"), i.get("kind").asString(),
                i.get("unit").asString(), text(i, "comparison"), i.get("target").asDouble(),
                LocalDate.parse(i.path("periodStart").asString(year + "-01-01")),
                LocalDate.parse(i.path("deadline").asString(year + "-12-31")), i.get("measurement").asString(),
                text(i, "collection"), text(i, "filter"), text(i, "aggregate"), i.path("onDashboard").asBoolean(false), null);
    }

    /** A department's adjustment of its copied indicator: a new name, target or filter (its year moved with the copy). */
    private void adjust(JsonNode a, int year, int fileYear) {
        long id = indicatorId(a, year);
        if (a.has("target")) {
            jdbc.sql("UPDATE plan_indicator SET target = ? WHERE id = ?").params(a.get("target").asDouble(), id).update();
        }
        if (a.has("nameZh")) {
            jdbc.sql("UPDATE plan_indicator SET name_zh = ? WHERE id = ?").params(a.get("nameZh").asString(), id).update();
        }
        if (a.has("filter")) {
            String filter = a.get("filter").asString().replace(String.valueOf(fileYear), String.valueOf(year));
            jdbc.sql("UPDATE plan_indicator SET filter = ? WHERE id = ?").params(filter, id).update();
        }
        // A changed filter is checked as a user's save would check it.
        Map<String, Object> row = jdbc.sql("SELECT kind, unit, measurement, collection, filter, aggregate FROM plan_indicator WHERE id = ?")
            .param(id).query().singleRow();
        Measurement m = new Measurement((String) row.get("kind"), (String) row.get("unit"), (String) row.get("measurement"),
                (String) row.get("collection"), (String) row.get("filter"), (String) row.get("aggregate"));
        writes.checkMeasurable(m);
    }

    private long indicatorId(JsonNode ref, int year) {
        return jdbc.sql("""
                SELECT i.id FROM plan p JOIN plan_task k ON k.plan_id = p.id JOIN plan_indicator i ON i.task_id = k.id
                WHERE p.department = ? AND p.year = ? AND k.seq = ? AND i.seq = ?""")
            .params(ref.get("department").asString(), year, ref.get("task").asInt(), ref.get("indicator").asInt())
            .query(Long.class)
            .single();
    }

    private List<Long> planIds(int year) {
        return jdbc.sql("SELECT id FROM plan WHERE year = ? ORDER BY id").param(year).query(Long.class).list();
    }

    /** A report entered at noon, county time, of the day it reports. */
    private Timestamp stampOf(LocalDate on) {
        return Timestamp.from(on.atTime(12, 0).atZone(county.timeZone()).toInstant());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

}
