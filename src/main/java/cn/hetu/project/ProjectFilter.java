package cn.hetu.project;

import java.util.List;
import java.util.Map;

import cn.hetu.catalog.Condition;
import cn.hetu.catalog.Conditions;
import cn.hetu.system.InvalidParameterException;

/**
 * The filters, order and page of a project list, turned into SQL over the alias {@code p}.
 *
 * @param sort a column name, {@code -} in front for descending
 */
record ProjectFilter(List<String> department, List<String> status, List<String> category, Integer year, String text,
        double[] bbox, Boolean overdue, String sort, int page, int size) {

    private static final Map<String, String> SORTABLE = Map.of("code", "p.code", "name", "p.name", "status", "p.status",
            "year", "p.year", "progress", "progress_pct", "investment", "p.investment_planned", "planned_end",
            "p.planned_end", "department", "p.department", "overdue", "overdue_milestones");

    record Sql(String where, List<Object> args, String orderBy) {
    }

    ProjectFilter {
        if (page < 0) {
            throw new InvalidParameterException("page", "page starts at 0, got " + page);
        }
        if (size < 1 || size > 500) {
            throw new InvalidParameterException("size", "size must be between 1 and 500, got " + size);
        }
        if (bbox != null && bbox.length != 4) {
            throw new InvalidParameterException("bbox", "bbox needs 4 numbers: minLon,minLat,maxLon,maxLat");
        }
        if (sort != null && !SORTABLE.containsKey(sort.replaceFirst("^-", ""))) {
            throw new InvalidParameterException("sort", "sort by one of " + SORTABLE.keySet() + ", got '" + sort + "'");
        }
    }

    Sql toSql() {
        Conditions where = Conditions.where()
            .anyOf("p.department", department)
            .anyOf("p.status", status)
            .anyOf("p.category", category)
            .containsText(text, "p.name", "p.code");
        if (year != null) {
            where.add("p.year = ?", year);
        }
        if (bbox != null) {
            where.add("ST_Intersects(p.geom, ST_MakeEnvelope(?, ?, ?, ?, 4490))", bbox[0], bbox[1], bbox[2], bbox[3]);
        }
        if (overdue != null) {
            where.add((overdue ? "" : "NOT ") + "EXISTS (SELECT 1 FROM project_milestone m WHERE m.project_id = p.id"
                    + " AND milestone_overdue(m.due_on, m.done_on))");
        }
        Condition condition = where.build();
        String order = sort == null ? "p.code" : SORTABLE.get(sort.replaceFirst("^-", "")) + (sort.startsWith("-") ? " DESC" : "");
        return new Sql(condition.sql(), condition.args(), order + " NULLS LAST, p.id");
    }

}
