package cn.hetu.river;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import cn.hetu.audit.Actor;
import cn.hetu.security.HetuUser;
import cn.hetu.security.LayerAccess;
import cn.hetu.security.Role;
import cn.hetu.system.EditConflict;
import cn.hetu.system.ErrorCode;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;
import cn.hetu.system.Refusal;

/** The patrol types: read by everyone signed in, added and changed by administrators (checked by {@link PatrolTypeCheck}). */
@Component
class PatrolTypes {

    static final String RIVER = "river";

    private static final String SELECT = """
            SELECT id, name_zh, name_en, built_in, sort_order, applies_kind, applies_to, issue_categories::text,
                   checklists::text, seasons::text, frequency::text, rectify_days, version
            FROM patrol_type""";

    private final JdbcClient jdbc;

    private final ObjectMapper json;

    private final PatrolTypeCheck check;

    private final LayerAccess access;

    private final Actor actor;

    PatrolTypes(JdbcClient jdbc, ObjectMapper json, PatrolTypeCheck check, LayerAccess access, Actor actor) {
        this.jdbc = jdbc;
        this.json = json;
        this.check = check;
        this.access = access;
        this.actor = actor;
    }

    List<PatrolType> list() {
        access.requireUser();
        return jdbc.sql(SELECT + " ORDER BY sort_order, id").query((rs, n) -> read(rs)).list();
    }

    /** One type for a signed-in reader, or 404. */
    PatrolType one(String id) {
        access.requireUser();
        return get(id);
    }

    Optional<PatrolType> find(String id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, n) -> read(rs)).optional();
    }

    /** The type named in a request ({@code river} when none is), or 400 naming the parameter. */
    PatrolType named(String parameter, String id) {
        String wanted = id == null ? RIVER : id;
        return find(wanted).orElseThrow(() -> new InvalidParameterException(parameter, "No patrol type '" + wanted + "'"));
    }

    PatrolType get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("Patrol type '" + id + "' does not exist"));
    }

    @Transactional
    PatrolType create(PatrolType type) {
        requireAdmin();
        check.check(type);
        actor.stamp();
        if (find(type.id()).isPresent()) {
            throw new Refusal(ErrorCode.DUPLICATE, "Patrol type '" + type.id() + "' exists already; change it with PUT", "id");
        }
        jdbc.sql("""
                INSERT INTO patrol_type (id, name_zh, name_en, applies_kind, applies_to, issue_categories, checklists,
                                         seasons, frequency, rectify_days, sort_order)
                VALUES (:id, :zh, :en, :kind, :to, :categories::jsonb, :checklists::jsonb, :seasons::jsonb, :frequency::jsonb,
                        :days, :sort)""")
            .params(columns(type))
            .update();
        return get(type.id());
    }

    /** Changes a type, built-in ones included; its id stays. */
    @Transactional
    PatrolType replace(String id, PatrolType type) {
        requireAdmin();
        PatrolType current = get(id);
        if (type.version() == null) {
            throw new InvalidParameterException("version", "Send the version of the type you read, so no one else's change is lost");
        }
        if (type.id() != null && !type.id().equals(id)) {
            throw new InvalidParameterException("id", "A type keeps its id; patrols and issues are filed under it");
        }
        PatrolType changed = new PatrolType(id, type.name(), current.builtIn(), type.sortOrder(), type.appliesTo(),
                type.issueCategories(), type.checklists(), type.seasons(), type.frequency(), type.rectifyDays(), type.version());
        check.check(changed);
        actor.stamp();
        int updated = jdbc.sql("""
                UPDATE patrol_type SET name_zh = :zh, name_en = :en, applies_kind = :kind, applies_to = :to,
                       issue_categories = :categories::jsonb, checklists = :checklists::jsonb, seasons = :seasons::jsonb,
                       frequency = :frequency::jsonb, rectify_days = :days, sort_order = :sort, version = version + 1
                WHERE id = :id AND version = :version""")
            .params(columns(changed))
            .param("version", type.version())
            .update();
        if (updated == 0) {
            throw new EditConflict("Someone else changed patrol type '" + id + "' since you read it", false, null);
        }
        return get(id);
    }

    private Map<String, Object> columns(PatrolType type) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("id", type.id());
        columns.put("zh", type.name().zh().trim());
        columns.put("en", type.name().en().trim());
        columns.put("kind", type.appliesTo().kind());
        columns.put("to", type.appliesTo().collections().toArray(String[]::new));
        columns.put("categories", json.writeValueAsString(type.issueCategories()));
        columns.put("checklists", json.writeValueAsString(type.checklists() == null ? Map.of() : type.checklists()));
        columns.put("seasons", json.writeValueAsString(type.seasons() == null ? List.of() : type.seasons()));
        columns.put("frequency", json.writeValueAsString(type.frequency()));
        columns.put("days", type.rectifyDays() == null ? 30 : type.rectifyDays());
        columns.put("sort", type.sortOrder() == null ? 100 : type.sortOrder());
        return columns;
    }

    private void requireAdmin() {
        HetuUser user = access.requireUser();
        if (!user.has(Role.ADMIN)) {
            throw new AccessDeniedException(user.username() + " is no administrator: only they add or change patrol types");
        }
    }

    private PatrolType read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PatrolType(rs.getString(1), new PatrolType.Name(rs.getString(2), rs.getString(3)), rs.getBoolean(4),
                rs.getInt(5), new PatrolType.AppliesTo(rs.getString(6), List.of((String[]) rs.getArray(7).getArray())),
                json.readValue(rs.getString(8), new TypeReference<List<PatrolType.Item>>() { }),
                json.readValue(rs.getString(9), new TypeReference<Map<String, List<PatrolType.Item>>>() { }),
                json.readValue(rs.getString(10), new TypeReference<List<PatrolType.Season>>() { }),
                json.readValue(rs.getString(11), new TypeReference<List<PatrolType.Frequency>>() { }), rs.getInt(12), rs.getInt(13));
    }

}
