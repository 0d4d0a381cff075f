package cn.hetu.edit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import cn.hetu.audit.Actor;
import cn.hetu.catalog.Column;
import cn.hetu.catalog.ColumnRules;
import cn.hetu.catalog.Layer;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.EditConflict;
import cn.hetu.system.FieldRefusal;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * Creates, replaces, patches and deletes features of any collection, for the map's editor and for
 * OGC API - Features clients. Each write checks the geometry and the properties, who may make it,
 * and the version the client based it on, then writes in one transaction that the audit trail joins.
 */
@Service
public class FeatureEdits {

    /** Columns clients send back that the registry keeps itself; they are accepted and ignored. */
    private static final Set<String> KEPT_BY_REGISTRY = Set.of("id", "created_at", "created_by", "updated_at",
            "updated_by", "version");

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final Actor actor;

    private final GeometryCheck geometries;

    private final ObjectMapper json;

    private final ColumnRules rules;

    FeatureEdits(JdbcClient jdbc, LayerAccess access, Actor actor, GeometryCheck geometries, ObjectMapper json,
            ColumnRules rules) {
        this.json = json;
        this.rules = rules;
        this.jdbc = jdbc;
        this.access = access;
        this.actor = actor;
        this.geometries = geometries;
    }

    /** Returns the new feature's id. */
    @Transactional
    public long create(Layer layer, JsonNode feature) {
        Map<String, JsonNode> values = properties(layer, feature);
        access.checkEdit(layer, text(values.get("department")));
        rules.check(layer, values, true);
        Geometry geometry = geometries.check(layer, feature.get("geometry"));
        actor.stamp();
        String columns = values.keySet().stream().map(c -> quote(c) + ", ").collect(Collectors.joining());
        String selected = values.keySet().stream().map(c -> "r." + quote(c) + ", ").collect(Collectors.joining());
        return jdbc.sql("INSERT INTO " + quote(layer.id()) + " (" + columns + "geom) SELECT " + selected
                + "ST_GeomFromWKB(:geom, 4490) FROM jsonb_populate_record(NULL::" + quote(layer.id())
                + ", :values::jsonb) r RETURNING id")
            .param("geom", wkb(geometry))
            .param("values", json(values))
            .query(Long.class)
            .single();
    }

    /**
     * Replaces every writable property and the geometry. {@code ifMatch} is the version from an
     * {@code If-Match} header, if any; a {@code version} property in the body is checked too.
     */
    @Transactional
    public void replace(Layer layer, long id, JsonNode feature, Integer ifMatch) {
        Current current = lock(layer, id, ifMatch, feature.path("properties").get("version"));
        Map<String, JsonNode> values = properties(layer, feature);
        access.checkEdit(layer, current.department());
        access.checkEdit(layer, text(values.get("department")));
        rules.check(layer, values, true);
        Geometry geometry = geometries.check(layer, feature.get("geometry"));
        actor.stamp();
        // A replacement leaves out what it does not have: those columns go back to their defaults.
        String assignments = layer.writableColumns()
            .stream()
            .map(c -> quote(c.name()) + " = " + (values.containsKey(c.name()) ? "r." + quote(c.name()) : "DEFAULT") + ", ")
            .collect(Collectors.joining());
        jdbc.sql("UPDATE " + quote(layer.id()) + " t SET " + assignments
                + "geom = ST_GeomFromWKB(:geom, 4490), version = t.version + 1 FROM jsonb_populate_record(NULL::"
                + quote(layer.id()) + ", :values::jsonb) r WHERE t.id = :id")
            .param("geom", wkb(geometry))
            .param("values", json(values))
            .param("id", id)
            .update();
    }

    /** Applies a JSON merge patch (RFC 7396) to the feature as it is, then replaces it with the result. */
    @Transactional
    public void patch(Layer layer, long id, JsonNode patch, Integer ifMatch) {
        if (!patch.isObject()) {
            throw new InvalidParameterException("body", "A merge patch is a JSON object");
        }
        Current current = lock(layer, id, ifMatch, patch.path("properties").get("version"));
        ObjectNode merged = (ObjectNode) MergePatch.apply(current.feature(), patch);
        ((ObjectNode) merged.get("properties")).remove("version");
        replace(layer, id, merged, null);
    }

    @Transactional
    public void delete(Layer layer, long id, Integer ifMatch) {
        Current current = lock(layer, id, ifMatch, null);
        access.checkEdit(layer, current.department());
        actor.stamp();
        jdbc.sql("DELETE FROM " + quote(layer.id()) + " WHERE id = ?").param(id).update();
    }

    /** The row as it is, locked until the transaction ends, after checking the version the client saw. */
    private Current lock(Layer layer, long id, Integer ifMatch, JsonNode bodyVersion) {
        Current current = jdbc.sql("SELECT department, version, json_build_object('type', 'Feature', 'geometry', "
                + "ST_AsGeoJSON(geom, 9, 0)::json, 'properties', to_jsonb(t) - 'geom')::text FROM " + quote(layer.id())
                + " t WHERE id = ? FOR UPDATE")
            .param(id)
            .query((rs, n) -> new Current(rs.getString(1), rs.getInt(2), json.readTree(rs.getString(3))))
            .optional()
            .orElseThrow(() -> new NotFoundException("Feature " + id + " does not exist in " + layer.id()));
        if (ifMatch != null && ifMatch != current.version()) {
            throw new EditConflict("The feature is at version " + current.version() + ", not " + ifMatch
                    + " as If-Match says; someone changed it since you read it", true, current.feature().toString());
        }
        if (bodyVersion != null && !bodyVersion.isNull() && bodyVersion.asInt() != current.version()) {
            throw new EditConflict("Someone else saved version " + current.version() + " of this feature after you read"
                    + " version " + bodyVersion.asInt() + "; compare both and save again", false,
                    current.feature().toString());
        }
        return current;
    }

    private record Current(String department, int version, JsonNode feature) {
    }

    /** The writable properties of the body, each checked against its column's type; 400 names the bad one. */
    private static Map<String, JsonNode> properties(Layer layer, JsonNode feature) {
        if (!feature.isObject() || !feature.path("type").asString("").equals("Feature")) {
            throw new InvalidParameterException("body", "The body must be a GeoJSON Feature");
        }
        JsonNode properties = feature.get("properties");
        if (properties == null || !properties.isObject()) {
            throw new InvalidParameterException("properties", "The feature needs a properties object");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String name = property.getKey();
            Optional<Column> column = layer.column(name);
            if (column.isEmpty()) {
                throw new FieldRefusal("unknown_field", name, layer.id() + " has no property '" + name + "'");
            }
            if (column.get().generated() || KEPT_BY_REGISTRY.contains(name)) {
                continue;
            }
            checkType(column.get(), property.getValue());
            values.put(name, property.getValue());
        }
        return values;
    }

    private static void checkType(Column column, JsonNode value) {
        if (value.isNull()) {
            return;
        }
        boolean ok = switch (column.type()) {
            case INTEGER -> value.isIntegralNumber();
            case NUMBER -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case DATE -> value.isString() && parses(() -> LocalDate.parse(value.asString()));
            case DATETIME -> value.isString() && parses(() -> OffsetDateTime.parse(value.asString()));
            case OBJECT -> value.isObject();
            case STRING -> value.isValueNode();
            case UUID -> value.isString();
        };
        if (!ok) {
            throw new FieldRefusal("wrong_type", column.name(), "'" + column.name() + "' must be "
                    + column.type().name().toLowerCase() + (column.type().name().startsWith("DATE") ? " (ISO 8601)" : "")
                    + ", got " + value);
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        }
        catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    private String json(Map<String, JsonNode> values) {
        ObjectNode object = json.createObjectNode();
        values.forEach(object::set);
        return object.toString();
    }

    private static byte[] wkb(Geometry geometry) {
        return geometry == null ? null : new WKBWriter().write(geometry);
    }

}
