package cn.hetu.project;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import cn.hetu.audit.Actor;
import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Layer;
import cn.hetu.edit.FeatureEdits;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.EditConflict;
import cn.hetu.system.IllegalTransitionException;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * Changes to projects beyond plain fields: status transitions with a reason, milestones, links to
 * assets and the footprint. Fields and footprints themselves go through {@link FeatureEdits}, the
 * same checked path as every other feature.
 */
@Service
class ProjectWrites {

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final Actor actor;

    private final FeatureEdits edits;

    private final Catalog catalog;

    private final ObjectMapper json;

    ProjectWrites(JdbcClient jdbc, LayerAccess access, Actor actor, FeatureEdits edits, Catalog catalog,
            ObjectMapper json) {
        this.jdbc = jdbc;
        this.access = access;
        this.actor = actor;
        this.edits = edits;
        this.catalog = catalog;
        this.json = json;
    }

    /** A new project with the milestone chain of its category, due dates spread over its planned period. */
    @Transactional
    long create(JsonNode properties, JsonNode footprint) {
        refuseNoProject(properties.path("status").asString(""));
        ObjectNode feature = json.createObjectNode().put("type", "Feature");
        feature.set("geometry", footprint);
        feature.set("properties", properties);
        long id = edits.create(projects(), feature);
        jdbc.sql("""
                INSERT INTO project_milestone (project_id, seq, name, due_on)
                SELECT p.id, t.seq, t.name,
                       p.planned_start + ((p.planned_end - p.planned_start) * t.seq / count(*) OVER ())::int
                FROM project p
                JOIN milestone_template t ON t.category = CASE WHEN EXISTS (SELECT 1 FROM milestone_template
                                                                            WHERE category = p.category)
                                                               THEN p.category ELSE 'default' END
                WHERE p.id = ?""")
            .param(id)
            .update();
        return id;
    }

    /** Changes fields and footprint by merge patch; the status only changes through {@link #transition}. */
    @Transactional
    void change(long id, JsonNode patch) {
        if (patch.path("properties").has("status")) {
            throw new InvalidParameterException("status", "Change the status with a transition, which records why");
        }
        edits.patch(projects(), id, patch, null);
    }

    @Transactional
    void delete(long id, Integer version) {
        edits.delete(projects(), id, version);
    }

    @Transactional
    void transition(long id, String to, String reason, int version) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidParameterException("reason", "Say why the status changes; it goes into the project's timeline");
        }
        refuseNoProject(to);
        var current = currentOf(id);
        access.checkEdit(projects(), current.department());
        if (current.version() != version) {
            throw new EditConflict("Someone else changed this project (now version " + current.version() + ")", false, null);
        }
        if (!jdbc.sql("SELECT project_transition_allowed(?, ?)").params(current.status(), to).query(Boolean.class).single()) {
            List<String> allowed = jdbc.sql("""
                    SELECT s FROM unnest(ARRAY['planned','approved','under_construction','completed','suspended']) s
                    WHERE project_transition_allowed(?, s)""").param(current.status()).query(String.class).list();
            throw new IllegalTransitionException("A project cannot go from " + current.status() + " to " + to + "; from "
                    + current.status() + " it can go to " + (allowed.isEmpty() ? "nothing: it is finished" : allowed));
        }
        actor.stamp();
        jdbc.sql("SELECT set_config('hetu.reason', ?, true)").param(reason.trim()).query().singleRow();
        LocalDate today = LocalDate.now();
        jdbc.sql("""
                UPDATE project SET status = :to, version = version + 1,
                       actual_start = CASE WHEN :to = 'under_construction' THEN COALESCE(actual_start, :today)
                                           ELSE actual_start END,
                       actual_end = CASE WHEN :to = 'completed' THEN :today ELSE actual_end END
                WHERE id = :id""")
            .param("to", to)
            .param("today", today)
            .param("id", id)
            .update();
    }

    @Transactional
    void updateMilestone(long projectId, long milestoneId, LocalDate dueOn, LocalDate doneOn, String remarks, int version) {
        access.checkEdit(projects(), currentOf(projectId).department());
        actor.stamp();
        int updated = jdbc.sql("""
                UPDATE project_milestone SET due_on = ?, done_on = ?, remarks = ?, version = version + 1
                WHERE id = ? AND project_id = ? AND version = ?""")
            .params(dueOn, doneOn, remarks, milestoneId, projectId, version)
            .update();
        if (updated == 0) {
            boolean exists = jdbc.sql("SELECT count(*) FROM project_milestone WHERE id = ? AND project_id = ?")
                .params(milestoneId, projectId)
                .query(Long.class)
                .single() > 0;
            if (!exists) {
                throw new NotFoundException("Project " + projectId + " has no milestone " + milestoneId);
            }
            throw new EditConflict("Someone else changed this milestone since you read it", false, null);
        }
    }

    @Transactional
    void link(long projectId, String collection, long assetId) {
        Layer layer = access.readable(collection);
        if (layer.isRecord()) {
            throw new InvalidParameterException("collection", "A project links assets, not " + collection + " records");
        }
        access.checkEdit(projects(), currentOf(projectId).department());
        boolean exists = jdbc.sql("SELECT count(*) FROM " + quote(layer.id()) + " WHERE id = ?").param(assetId)
            .query(Long.class).single() > 0;
        if (!exists) {
            throw new NotFoundException("There is no " + collection + " " + assetId + " to link");
        }
        actor.stamp();
        jdbc.sql("INSERT INTO project_asset (project_id, collection, asset_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
            .params(projectId, layer.id(), assetId)
            .update();
    }

    @Transactional
    void unlink(long projectId, String collection, long assetId) {
        access.checkEdit(projects(), currentOf(projectId).department());
        actor.stamp();
        if (jdbc.sql("DELETE FROM project_asset WHERE project_id = ? AND collection = ? AND asset_id = ?")
            .params(projectId, collection, assetId)
            .update() == 0) {
            throw new NotFoundException("Project " + projectId + " is not linked to " + collection + " " + assetId);
        }
    }

    /** Sets the footprint to the union of the linked assets' geometries, made by PostGIS. */
    @Transactional
    void deriveFootprint(long projectId) {
        var current = currentOf(projectId);
        access.checkEdit(projects(), current.department());
        StringBuilder parts = new StringBuilder();
        for (String collection : jdbc.sql("SELECT DISTINCT collection FROM project_asset WHERE project_id = ?")
            .param(projectId)
            .query(String.class)
            .list()) {
            Layer layer = catalog.get(collection);
            parts.append(parts.isEmpty() ? "" : " UNION ALL ")
                .append("SELECT a.geom FROM ")
                .append(quote(layer.id()))
                .append(" a JOIN project_asset pa ON pa.asset_id = a.id AND pa.collection = '")
                .append(layer.id())
                .append("' WHERE pa.project_id = :id");
        }
        if (parts.isEmpty()) {
            throw new InvalidParameterException("links", "The project has no linked assets to derive a footprint from");
        }
        actor.stamp();
        jdbc.sql("UPDATE project SET geom = (SELECT ST_UnaryUnion(ST_Collect(geom)) FROM (" + parts
                + ") g), version = version + 1 WHERE id = :id")
            .param("id", projectId)
            .update();
    }

    /** "无项目" (none) marks an asset that belongs to no project; a project never has it. */
    private static void refuseNoProject(String status) {
        if ("none".equals(status)) {
            throw new InvalidParameterException("status",
                    "“无项目”(none) is a status of assets, not of projects: use planned, approved, under_construction, completed or suspended");
        }
    }

    private record Current(String status, String department, int version) {
    }

    private Current currentOf(long id) {
        return jdbc.sql("SELECT status, department, version FROM project WHERE id = ? FOR UPDATE")
            .param(id)
            .query((rs, n) -> new Current(rs.getString(1), rs.getString(2), rs.getInt(3)))
            .optional()
            .orElseThrow(() -> new NotFoundException("Project " + id + " does not exist"));
    }

    private Layer projects() {
        return access.readable("project");
    }

}
