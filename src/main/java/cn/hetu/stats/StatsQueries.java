package cn.hetu.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hetu.catalog.Condition;
import cn.hetu.catalog.Layer;

import static cn.hetu.system.SqlIdentifiers.quote;

/** The SQL behind the legend's and the dashboard's figures. */
@Component
class StatsQueries {

    private final JdbcClient jdbc;

    StatsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Features per work status, of the given statuses and departments (all when none is given). */
    Map<String, Long> countsByStatus(Layer layer, List<String> status, List<String> department) {
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
        return byStatus;
    }

    /** Features per work status among those the condition on the alias {@code t} selects. */
    Map<String, Long> countsByStatus(Layer layer, Condition where) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.sql("SELECT t.status, count(*) FROM " + quote(layer.id()) + " t WHERE " + where.sql()
                + " GROUP BY t.status ORDER BY t.status")
            .params(where.args())
            .query(rs -> {
                byStatus.put(rs.getString(1), rs.getLong(2));
            });
        return byStatus;
    }

    List<StatsController.StatusFigure> projectsByStatus() {
        return jdbc.sql("""
                SELECT status, count(*), COALESCE(sum(investment_planned), 0), COALESCE(sum(investment_done), 0)
                FROM project GROUP BY status ORDER BY count(*) DESC""")
            .query((rs, n) -> new StatsController.StatusFigure(rs.getString(1), rs.getLong(2), rs.getDouble(3),
                    rs.getDouble(4)))
            .list();
    }

    List<StatsController.DepartmentFigure> projectsByDepartment() {
        return jdbc.sql("""
                SELECT d.code, d.name_zh, d.name_en, count(p.id), COALESCE(sum(p.investment_planned), 0),
                       COALESCE(sum(p.investment_done), 0)
                FROM department d LEFT JOIN project p ON p.department = d.code
                GROUP BY d.code, d.name_zh, d.name_en ORDER BY count(p.id) DESC, d.code""")
            .query((rs, n) -> new StatsController.DepartmentFigure(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getLong(4), rs.getDouble(5), rs.getDouble(6)))
            .list();
    }

    long overdueMilestones() {
        return jdbc.sql("SELECT count(*) FROM project_milestone WHERE milestone_overdue(due_on, done_on)")
            .query(Long.class)
            .single();
    }

}
