package cn.hetu.invest;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import cn.hetu.audit.Actor;
import cn.hetu.catalog.Layer;
import cn.hetu.edit.FeatureEdits;
import cn.hetu.county.County;
import cn.hetu.project.KeyProjects;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.EditConflict;
import cn.hetu.system.IllegalTransitionException;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

/**
 * Changes to investment projects: fields through {@link FeatureEdits} (the checked path of every feature),
 * pipeline steps with their reason, and making a signed project a key project.
 */
@Service
class InvestmentWrites {

    static final String COLLECTION = "investment_project";

    /** 500 亿元 in 万元: no county investment project comes near it, so such a figure was typed in 元. */
    static final BigDecimal IMPLAUSIBLE_WAN = new BigDecimal("5000000");

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final Actor actor;

    private final FeatureEdits edits;

    private final KeyProjects projects;

    private final ObjectMapper json;

    private final County county;

    InvestmentWrites(JdbcClient jdbc, LayerAccess access, Actor actor, FeatureEdits edits, KeyProjects projects,
            ObjectMapper json, County county) {
        this.county = county;
        this.jdbc = jdbc;
        this.access = access;
        this.actor = actor;
        this.edits = edits;
        this.projects = projects;
        this.json = json;
    }

    /** A new project of the commerce bureau; it enters the pipeline as a lead (线索). */
    @Transactional
    long create(JsonNode properties, JsonNode location) {
        ObjectNode fields = (ObjectNode) properties.deepCopy();
        if (fields.has("stage") && !fields.path("stage").asString("").equals("lead")) {
            throw new InvalidParameterException("stage", "A new investment project starts as a lead (线索); step it on from there");
        }
        fields.remove("stage");
        if (!fields.has("department")) {
            fields.put("department", "commerce");
        }
        checkAmount(fields.get("amount_wan"));
        ObjectNode feature = json.createObjectNode().put("type", "Feature");
        feature.set("geometry", location);
        feature.set("properties", fields);
        return edits.create(investments(), feature);
    }

    /** Changes fields and location by merge patch; the stage only changes through {@link #step}. */
    @Transactional
    void change(long id, JsonNode patch) {
        JsonNode properties = patch.path("properties");
        if (properties.has("stage")) {
            throw new InvalidParameterException("stage", "Change the stage with a step, which records when and why");
        }
        for (String linked : new String[] { "key_project_id", "parcel_id" }) {
            if (properties.has(linked)) {
                throw new InvalidParameterException(linked, linked + " is set by making a key project or choosing a parcel");
            }
        }
        checkAmount(properties.get("amount_wan"));
        edits.patch(investments(), id, patch, null);
    }

    /** One step along the pipeline; skipping a stage or going back needs a reason. */
    @Transactional
    void step(long id, String to, String reason, int version) {
        if (!InvestmentQueries.STAGES.contains(to)) {
            throw new InvalidParameterException("to", "to is one of " + InvestmentQueries.STAGES + ", not '" + to + "'");
        }
        Current current = currentOf(id);
        access.checkEdit(investments(), current.department());
        if (current.version() != version) {
            throw new EditConflict("Someone else changed this investment project (now version " + current.version() + ")",
                    false, null);
        }
        int from = InvestmentQueries.STAGES.indexOf(current.stage());
        int target = InvestmentQueries.STAGES.indexOf(to);
        if (from == target) {
            throw new IllegalTransitionException("The project is already at stage " + to);
        }
        boolean blank = reason == null || reason.isBlank();
        if (target != from + 1 && blank) {
            throw new InvalidParameterException("reason", "From " + current.stage() + " to " + to
                    + (target < from ? " goes back" : " skips " + InvestmentQueries.STAGES.subList(from + 1, target))
                    + ": say why (从“" + current.stage() + "”到“" + to + "”须说明理由)");
        }
        actor.stamp();
        jdbc.sql("SELECT set_config('hetu.reason', ?, true)").param(blank ? "" : reason.trim()).query().singleRow();
        jdbc.sql("UPDATE investment_project SET stage = ?, version = version + 1 WHERE id = ?").params(to, id).update();
    }

    /**
     * Makes a signed (or later) project a key project of the commerce bureau, linked both ways: the key project
     * links the investment project as an asset, and the investment project names its key project. Returns its id.
     */
    @Transactional
    long makeKeyProject(long id, int version) {
        Current current = currentOf(id);
        access.checkEdit(investments(), current.department());
        if (current.version() != version) {
            throw new EditConflict("Someone else changed this investment project (now version " + current.version() + ")",
                    false, null);
        }
        if (InvestmentQueries.STAGES.indexOf(current.stage()) < InvestmentQueries.STAGES.indexOf("signed")) {
            throw new IllegalTransitionException("Only a signed project (签约 or later) becomes a key project; this one is at "
                    + current.stage());
        }
        if (current.keyProjectId() != null) {
            throw new IllegalTransitionException("This investment project is already key project " + current.keyProjectId());
        }
        JsonNode source = jdbc.sql("""
                SELECT json_build_object('code', 'ZS-' || code, 'name', name, 'department', department, 'town', town,
                                         'category', 'industry', 'year', :year, 'investment_planned', amount_wan,
                                         'lead_unit', investor, 'remarks', '招商项目 ' || code || ' 转为重点项目')::text,
                       ST_AsGeoJSON(geom)
                FROM investment_project WHERE id = :id""")
            .param("year", county.today().getYear())
            .param("id", id)
            .query((rs, n) -> {
                ObjectNode both = json.createObjectNode();
                both.set("properties", json.readTree(rs.getString(1)));
                both.set("footprint", json.readTree(rs.getString(2)));
                return both;
            })
            .single();
        long projectId = projects.create(source.get("properties"), source.get("footprint"));
        actor.stamp();
        jdbc.sql("INSERT INTO project_asset (project_id, collection, asset_id, role) VALUES (?, ?, ?, 'investment')")
            .params(projectId, COLLECTION, id)
            .update();
        jdbc.sql("UPDATE investment_project SET key_project_id = ?, version = version + 1 WHERE id = ?")
            .params(projectId, id)
            .update();
        return projectId;
    }

    /** Refuses an amount that is not a positive figure in 万元 or that is implausibly large (typed in 元). */
    static void checkAmount(JsonNode amount) {
        if (amount == null || amount.isNull()) {
            return;
        }
        if (!amount.isNumber()) {
            throw new InvalidParameterException("amount_wan", "amount_wan is a number of 万元 (10 000 CNY)");
        }
        BigDecimal wan = amount.decimalValue();
        if (wan.signum() <= 0) {
            throw new InvalidParameterException("amount_wan", "amount_wan is above 0 万元");
        }
        if (wan.compareTo(IMPLAUSIBLE_WAN) >= 0) {
            throw new InvalidParameterException("amount_wan", "amount_wan " + wan.toPlainString()
                    + " 万元 is 500 亿元 or more: was it typed in 元? In 万元 it would be "
                    + wan.movePointLeft(4).stripTrailingZeros().toPlainString() + " (金额单位为万元，疑似按元填写)");
        }
    }

    record Current(String stage, String department, int version, Long keyProjectId, Long parcelId) {
    }

    Current currentOf(long id) {
        return jdbc.sql("SELECT stage, department, version, key_project_id, parcel_id FROM investment_project WHERE id = ? FOR UPDATE")
            .param(id)
            .query(Current.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("Investment project " + id + " does not exist"));
    }

    Layer investments() {
        return access.readable(COLLECTION);
    }

}
