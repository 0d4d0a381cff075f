package cn.hetu.enterprise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import cn.hetu.audit.Actor;
import cn.hetu.catalog.Layer;
import cn.hetu.edit.FeatureEdits;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.EditConflict;
import cn.hetu.system.IllegalTransitionException;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

/** Enterprises, their contacts (personal data) and visits with the problems raised and their follow-up. */
@Service
class Enterprises {

    static final String COLLECTION = "enterprise";

    /** One enterprise; {@code watched}: above scale (规上) with production reduced or halted (停减产). */
    record Summary(long id, String code, String name, String creditCode, String industry, String chain, String chainName,
            String chainLeader, String scale, boolean specialized, boolean highTech, boolean foreignTrade,
            String production, boolean watched, String serviceOfficer, String town, Integer employees,
            long openProblems, LocalDate lastVisitedOn, double lon, double lat, int version) {
    }

    record Page(List<Summary> items, long total) {
    }

    record Filter(String chain, String scale, Boolean specialized, Boolean highTech, Boolean foreignTrade, Boolean watch,
            String town, String q) {
    }

    record Chain(String code, String nameZh, String nameEn, String cluster, String chainLeader, long enterprises,
            long aboveScale) {
    }

    /** A chain's names and leader as the county decides them; cluster is leading (the "3") or emerging (the "5"). */
    record ChainChange(String nameZh, String nameEn, String cluster, String chainLeader, Integer sortOrder) {
    }

    record Contact(long id, String name, String position, String phone, String createdBy, Instant createdAt) {
    }

    record NewContact(String name, String position, String phone) {
    }

    record Visit(long id, LocalDate visitedOn, String officer, String problems, String status, String followUp,
            int version) {
    }

    record NewVisit(LocalDate visitedOn, String officer, String problems) {
    }

    record FollowUp(String to, String followUp, int version) {
    }

    private static final String SUMMARY = """
            SELECT e.id, e.code, e.name, e.credit_code, e.industry, e.chain, c.name_zh AS chain_name, c.chain_leader,
                   e.scale, e.specialized, e.high_tech, e.foreign_trade, e.production,
                   e.scale = 'above' AND e.production <> 'normal' AS watched, e.service_officer, e.town, e.employees,
                   (SELECT count(*) FROM enterprise_visit v WHERE v.enterprise_id = e.id AND v.problems IS NOT NULL
                      AND v.status <> 'closed') AS open_problems,
                   (SELECT max(visited_on) FROM enterprise_visit v WHERE v.enterprise_id = e.id) AS last_visited_on,
                   ST_X(e.geom) AS lon, ST_Y(e.geom) AS lat, e.version
            FROM enterprise e LEFT JOIN industrial_chain c ON c.code = e.chain
            """;

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final Actor actor;

    private final FeatureEdits edits;

    private final ObjectMapper json;

    Enterprises(JdbcClient jdbc, LayerAccess access, Actor actor, FeatureEdits edits, ObjectMapper json) {
        this.jdbc = jdbc;
        this.access = access;
        this.actor = actor;
        this.edits = edits;
        this.json = json;
    }

    @Transactional(readOnly = true)
    Page list(Filter filter) {
        access.readable(COLLECTION);
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.chain() != null) {
            conditions.add("e.chain = :chain");
            params.put("chain", filter.chain());
        }
        if (filter.scale() != null) {
            if (!List.of("above", "below").contains(filter.scale())) {
                throw new InvalidParameterException("scale", "scale is above (规上) or below (规下)");
            }
            conditions.add("e.scale = :scale");
            params.put("scale", filter.scale());
        }
        flag(conditions, params, "specialized", filter.specialized());
        flag(conditions, params, "high_tech", filter.highTech());
        flag(conditions, params, "foreign_trade", filter.foreignTrade());
        if (filter.watch() != null) {
            conditions.add("(e.scale = 'above' AND e.production <> 'normal') = :watch");
            params.put("watch", filter.watch());
        }
        if (filter.town() != null) {
            conditions.add("e.town = :town");
            params.put("town", filter.town());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            conditions.add("(e.name ILIKE :q OR e.credit_code = :exact)");
            params.put("q", "%" + filter.q().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("exact", filter.q().trim().toUpperCase());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        List<Summary> items = jdbc.sql(SUMMARY + where + " ORDER BY e.code").params(params).query(Summary.class).list();
        return new Page(items, items.size());
    }

    private static void flag(List<String> conditions, Map<String, Object> params, String column, Boolean wanted) {
        if (wanted != null) {
            conditions.add("e." + column + " = :" + column);
            params.put(column, wanted);
        }
    }

    @Transactional(readOnly = true)
    Optional<Summary> detail(long id) {
        access.readable(COLLECTION);
        return jdbc.sql(SUMMARY + " WHERE e.id = ?").param(id).query(Summary.class).optional();
    }

    @Transactional(readOnly = true)
    List<Chain> chains() {
        access.readable(COLLECTION);
        return jdbc.sql("""
                SELECT c.code, c.name_zh, c.name_en, c.cluster, c.chain_leader, count(e.id) AS enterprises,
                       count(e.id) FILTER (WHERE e.scale = 'above') AS above_scale
                FROM industrial_chain c LEFT JOIN enterprise e ON e.chain = c.code
                GROUP BY c.code ORDER BY c.sort_order""")
            .query(Chain.class)
            .list();
    }

    /** Adds or changes one of the county's industrial chains: the seed names the "3+5" clusters but not their chains. */
    @Transactional
    void putChain(String code, ChainChange chain) {
        access.requireEditorOf(layer().ownerDepartment());
        if (!code.matches("[a-z][a-z0-9_]{0,39}")) {
            throw new InvalidParameterException("code", "A chain's code is lower-case letters, digits and _ (e.g. new_materials)");
        }
        if (chain.nameZh() == null || chain.nameZh().isBlank() || chain.nameEn() == null || chain.nameEn().isBlank()) {
            throw new InvalidParameterException(chain.nameZh() == null || chain.nameZh().isBlank() ? "nameZh" : "nameEn",
                    "A chain has a Chinese and an English name");
        }
        if (!List.of("leading", "emerging").contains(chain.cluster())) {
            throw new InvalidParameterException("cluster", "cluster is leading (the 3 首位/主导产业) or emerging (the 5 新兴产业)");
        }
        actor.stamp();
        jdbc.sql("""
                INSERT INTO industrial_chain (code, name_zh, name_en, cluster, chain_leader, sort_order) VALUES (?, ?, ?, ?, ?, COALESCE(?, 0))
                ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, cluster = excluded.cluster,
                    chain_leader = excluded.chain_leader, sort_order = COALESCE(?, industrial_chain.sort_order)""")
            .params(code, chain.nameZh().trim(), chain.nameEn().trim(), chain.cluster(), chain.chainLeader(), chain.sortOrder(),
                    chain.sortOrder())
            .update();
    }

    @Transactional
    long create(JsonNode properties, JsonNode location) {
        ObjectNode fields = (ObjectNode) properties.deepCopy();
        if (!fields.has("department")) {
            fields.put("department", "commerce");
        }
        checkCreditCode(fields);
        ObjectNode feature = json.createObjectNode().put("type", "Feature");
        feature.set("geometry", location);
        feature.set("properties", fields);
        return edits.create(layer(), feature);
    }

    @Transactional
    void change(long id, JsonNode patch) {
        if (patch.path("properties").isObject()) {
            checkCreditCode((ObjectNode) patch.get("properties"));
        }
        edits.patch(layer(), id, patch, null);
    }

    /** Upper-cases the credit code (people type it in lower case) and refuses an invalid one, saying why. */
    private static void checkCreditCode(ObjectNode fields) {
        JsonNode code = fields.get("credit_code");
        if (code == null || code.isNull()) {
            return;
        }
        if (!code.isString()) {
            throw new InvalidParameterException("credit_code", "credit_code is the 18-character unified social credit code");
        }
        String normalised = code.asString().trim().toUpperCase();
        String problem = CreditCode.problem(normalised);
        if (problem != null) {
            throw new InvalidParameterException("credit_code", "The unified social credit code " + normalised + " " + problem
                    + " (统一社会信用代码无效，GB 32100-2015)");
        }
        fields.put("credit_code", normalised);
    }

    @Transactional(readOnly = true)
    List<Contact> contacts(long id) {
        access.requirePersonalDataReader(layer());
        department(id);
        return jdbc.sql("SELECT id, name, position, phone, created_by, created_at FROM enterprise_contact WHERE enterprise_id = ? ORDER BY id")
            .param(id)
            .query(Contact.class)
            .list();
    }

    @Transactional
    void addContact(long id, NewContact contact) {
        access.checkEdit(layer(), department(id));
        if (contact.name() == null || contact.name().isBlank()) {
            throw new InvalidParameterException("name", "A contact needs a name");
        }
        if (contact.phone() != null && !contact.phone().matches("[0-9+() -]{5,20}")) {
            throw new InvalidParameterException("phone", "phone has 5 to 20 digits, spaces, +, - or brackets");
        }
        actor.stamp();
        jdbc.sql("INSERT INTO enterprise_contact (enterprise_id, name, position, phone, created_by) VALUES (?, ?, ?, ?, acting_user())")
            .params(id, contact.name().trim(), contact.position(), contact.phone())
            .update();
    }

    @Transactional(readOnly = true)
    List<Visit> visits(long id) {
        access.requirePersonalDataReader(layer());
        department(id);
        return jdbc.sql("""
                SELECT id, visited_on, officer, problems, status, follow_up, version FROM enterprise_visit
                WHERE enterprise_id = ? ORDER BY visited_on DESC, id DESC""")
            .param(id)
            .query(Visit.class)
            .list();
    }

    @Transactional
    long addVisit(long id, NewVisit visit, LocalDate today) {
        access.checkEdit(layer(), department(id));
        if (visit.visitedOn() == null || visit.visitedOn().isAfter(today)) {
            throw new InvalidParameterException("visitedOn", "visitedOn is the day of the visit, not later than today");
        }
        if (visit.officer() == null || visit.officer().isBlank()) {
            throw new InvalidParameterException("officer", "Name the officer who visited");
        }
        actor.stamp();
        boolean problems = visit.problems() != null && !visit.problems().isBlank();
        return jdbc.sql("""
                INSERT INTO enterprise_visit (enterprise_id, visited_on, officer, problems, status, created_by)
                VALUES (?, ?, ?, ?, ?, acting_user()) RETURNING id""")
            .params(id, visit.visitedOn(), visit.officer().trim(), problems ? visit.problems().trim() : null,
                    problems ? "reported" : "closed")
            .query(Long.class)
            .single();
    }

    /** Moves a visit's problems along reported → assigned → rectifying → rectified → closed, as river issues move. */
    @Transactional
    void followUp(long id, long visitId, FollowUp change) {
        access.checkEdit(layer(), department(id));
        var current = jdbc.sql("SELECT status, version FROM enterprise_visit WHERE id = ? AND enterprise_id = ? FOR UPDATE")
            .params(visitId, id)
            .query((rs, n) -> new Object[] { rs.getString(1), rs.getInt(2) })
            .optional()
            .orElseThrow(() -> new NotFoundException("Enterprise " + id + " has no visit " + visitId));
        if ((int) current[1] != change.version()) {
            throw new EditConflict("Someone else changed this visit since you read it", false, null);
        }
        if (change.to() == null || !jdbc.sql("SELECT issue_transition_allowed(?, ?)").params(current[0], change.to())
            .query(Boolean.class).single()) {
            throw new IllegalTransitionException("A visit's problems cannot go from " + current[0] + " to " + change.to());
        }
        if (change.followUp() == null || change.followUp().isBlank()) {
            throw new InvalidParameterException("followUp", "Say what was done (跟进情况)");
        }
        actor.stamp();
        jdbc.sql("""
                UPDATE enterprise_visit SET status = ?, follow_up = concat_ws(E'\\n', follow_up, ?), version = version + 1,
                       updated_at = now()
                WHERE id = ?""")
            .params(change.to(), change.followUp().trim(), visitId)
            .update();
    }

    private String department(long id) {
        return jdbc.sql("SELECT department FROM enterprise WHERE id = ?").param(id).query(String.class).optional()
            .orElseThrow(() -> new NotFoundException("Enterprise " + id + " does not exist"));
    }

    private Layer layer() {
        return access.readable(COLLECTION);
    }

}
