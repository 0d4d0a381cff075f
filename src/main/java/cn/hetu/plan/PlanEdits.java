package cn.hetu.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.audit.Actor;
import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Departments;
import cn.hetu.catalog.Layer;
import cn.hetu.security.HetuUser;
import cn.hetu.security.LayerAccess;
import cn.hetu.security.Role;
import cn.hetu.system.EditConflict;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;
import cn.hetu.system.Refusal;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * A plan made and edited on its page: a new plan, its tasks, their links to key projects and assets, and
 * removing a task or an indicator. The same rules as {@link PlanWrites}: a department's editors change their
 * own open plans, administrators any plan (a closed year's too, in the audit trail like every change).
 */
@Component
class PlanEdits {

    public record PlanInput(String department, Integer year, String title) {
    }

    public record TaskInput(String section, String title, String body, String responsible, Integer version) {
    }

    public record AssetRef(String collection, Long id) {
    }

    public record LinksInput(List<Long> projects, List<AssetRef> assets) {
    }

    private static final int MAX_TITLE = 200;

    private static final int MAX_BODY = 4000;

    private final JdbcClient jdbc;

    private final Actor actor;

    private final LayerAccess access;

    private final PlanQueries queries;

    private final PlanWrites writes;

    private final Departments departments;

    private final Catalog catalog;

    PlanEdits(JdbcClient jdbc, Actor actor, LayerAccess access, PlanQueries queries, PlanWrites writes,
            Departments departments, Catalog catalog) {
        this.jdbc = jdbc;
        this.actor = actor;
        this.access = access;
        this.queries = queries;
        this.writes = writes;
        this.departments = departments;
        this.catalog = catalog;
    }

    /** A department's new, empty plan for a year: by an administrator or the department's editors. */
    @Transactional
    public long createPlan(PlanInput in) {
        actor.stamp();
        if (in.department() == null || !departments.exists(in.department())) {
            throw new InvalidParameterException("department", "department is the code of one of the county's departments");
        }
        HetuUser user = access.requireUser();
        if (!user.has(Role.ADMIN) && !(user.has(Role.EDITOR) && in.department().equals(user.department()))) {
            throw new AccessDeniedException(user.username() + " may not make a plan for department " + in.department());
        }
        if (in.year() == null || in.year() < 2000 || in.year() > 2100) {
            throw new InvalidParameterException("year", "year is a year from 2000 to 2100");
        }
        if (jdbc.sql("SELECT count(*) FROM plan WHERE department = ? AND year = ?").params(in.department(), in.year())
            .query(Long.class).single() > 0) {
            throw new Refusal(HttpStatus.CONFLICT, "Plan exists", "The department already has a plan for " + in.year(), "year");
        }
        return writes.insertPlan(in.department(), in.year(), text(in.title(), "title", MAX_TITLE));
    }

    /** A task at the end of the plan's numbered list. */
    @Transactional
    public long addTask(long planId, TaskInput in) {
        actor.stamp();
        PlanQueries.Owner owner = queries.ownerOfPlan(planId);
        writes.checkChange(owner, null);
        int seq = jdbc.sql("SELECT COALESCE(max(seq), 0) + 1 FROM plan_task WHERE plan_id = ?").param(planId)
            .query(Integer.class).single();
        return writes.insertTask(planId, seq, optional(in.section(), "section"), text(in.title(), "title", MAX_TITLE),
                body(in.body()), responsible(in.responsible(), owner.department()));
    }

    @Transactional
    public void saveTask(long taskId, TaskInput in) {
        actor.stamp();
        PlanQueries.Owner owner = queries.ownerOfTask(taskId);
        writes.checkChange(owner, null);
        int updated = jdbc.sql("""
                UPDATE plan_task SET section = ?, title = ?, body = ?, responsible = ?, version = version + 1
                WHERE id = ? AND version = ?""")
            .params(optional(in.section(), "section"), text(in.title(), "title", MAX_TITLE), body(in.body()),
                    responsible(in.responsible(), owner.department()), taskId, in.version() == null ? -1 : in.version())
            .update();
        if (updated == 0) {
            throw new EditConflict("Task " + taskId + " was changed by someone else; reload it and try again", false, null);
        }
    }

    /** Replaces the task's links with the key projects and assets given; each must exist. */
    @Transactional
    public void link(long taskId, LinksInput in) {
        actor.stamp();
        writes.checkChange(queries.ownerOfTask(taskId), null);
        Set<Long> projects = new HashSet<>(checkedProjects(in.projects()));
        Set<AssetRef> assets = new HashSet<>(checkedAssets(in.assets()));
        jdbc.sql("DELETE FROM plan_task_project WHERE task_id = ? AND NOT (project_id = ANY (?))")
            .params(taskId, projects.toArray(Long[]::new)).update();
        for (Long project : projects) {
            jdbc.sql("INSERT INTO plan_task_project (task_id, project_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(taskId, project).update();
        }
        List<AssetRef> linked = jdbc.sql("SELECT collection, asset_id FROM plan_task_asset WHERE task_id = ?").param(taskId)
            .query((rs, n) -> new AssetRef(rs.getString(1), rs.getLong(2))).list();
        for (AssetRef gone : linked) {
            if (!assets.contains(gone)) {
                jdbc.sql("DELETE FROM plan_task_asset WHERE task_id = ? AND collection = ? AND asset_id = ?")
                    .params(taskId, gone.collection(), gone.id()).update();
            }
        }
        for (AssetRef asset : assets) {
            jdbc.sql("INSERT INTO plan_task_asset (task_id, collection, asset_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(taskId, asset.collection(), asset.id()).update();
        }
        jdbc.sql("UPDATE plan_task SET version = version + 1 WHERE id = ?").param(taskId).update();
    }

    /** Removes a plan with its tasks, indicators and reports (a plan made by mistake). */
    @Transactional
    public void deletePlan(long planId) {
        actor.stamp();
        writes.checkChange(queries.ownerOfPlan(planId), null);
        jdbc.sql("DELETE FROM plan WHERE id = ?").param(planId).update();
    }

    @Transactional
    public void deleteTask(long taskId) {
        actor.stamp();
        writes.checkChange(queries.ownerOfTask(taskId), null);
        jdbc.sql("DELETE FROM plan_task WHERE id = ?").param(taskId).update();
    }

    @Transactional
    public void deleteIndicator(long indicatorId) {
        actor.stamp();
        writes.checkChange(queries.ownerOfIndicator(indicatorId), null);
        jdbc.sql("DELETE FROM plan_indicator WHERE id = ?").param(indicatorId).update();
    }

    private List<Long> checkedProjects(List<Long> ids) {
        List<Long> projects = ids == null ? List.of() : ids;
        for (int i = 0; i < projects.size(); i++) {
            Long id = projects.get(i);
            if (id == null || !jdbc.sql("SELECT EXISTS (SELECT 1 FROM project WHERE id = ?)").param(id).query(Boolean.class).single()) {
                throw new InvalidParameterException("projects[" + i + "]", "no key project " + id);
            }
        }
        return projects;
    }

    private List<AssetRef> checkedAssets(List<AssetRef> refs) {
        List<AssetRef> assets = refs == null ? List.of() : refs;
        for (int i = 0; i < assets.size(); i++) {
            AssetRef ref = assets.get(i);
            String field = "assets[" + i + "]";
            Optional<Layer> layer = ref == null || ref.collection() == null ? Optional.empty() : catalog.find(ref.collection());
            if (layer.isEmpty() || layer.get().isRecord()) {
                throw new InvalidParameterException(field + ".collection", "an asset is in one of the registry's asset collections");
            }
            if (ref.id() == null || !jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + quote(layer.get().id()) + " WHERE id = ?)")
                .param(ref.id()).query(Boolean.class).single()) {
                throw new InvalidParameterException(field + ".id", "no " + ref.collection() + " " + ref.id());
            }
        }
        return assets;
    }

    private String responsible(String code, String planDepartment) {
        if (code == null || code.isBlank()) {
            return planDepartment;
        }
        if (!departments.exists(code)) {
            throw new InvalidParameterException("responsible", "responsible is the code of one of the county's departments");
        }
        return code;
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank() || value.trim().length() > max) {
            throw new InvalidParameterException(field, field + " is 1 to " + max + " characters");
        }
        return value.trim();
    }

    private static String optional(String value, String field) {
        return value == null || value.isBlank() ? null : text(value, field, MAX_TITLE);
    }

    private static String body(String value) {
        if (value != null && value.length() > MAX_BODY) {
            throw new InvalidParameterException("body", "body is at most " + MAX_BODY + " characters");
        }
        return value == null ? "" : value.trim();
    }

}
