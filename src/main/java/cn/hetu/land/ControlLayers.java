package cn.hetu.land;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.audit.Actor;
import cn.hetu.catalog.Layer;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * The planning control lines (三区三线 and cultivated land) and their editions. A layer's table holds its
 * current edition; older editions lie in {@code control_archive}, each valid on [validFrom, validTo).
 */
@Component
public class ControlLayers {

    /**
     * A control line, and whether entering it is a conflict: building on permanent basic farmland, in
     * the ecological red line or on cultivated land needs approval (or is forbidden); the development
     * boundary is where building belongs, so being inside it is reported but is no conflict.
     */
    public record ControlLayer(String id, boolean restrictive) {
    }

    public static final List<ControlLayer> ALL = List.of(new ControlLayer("basic_farmland", true),
            new ControlLayer("ecological_redline", true), new ControlLayer("urban_boundary", false),
            new ControlLayer("cultivated_land", true));

    /** An edition of a layer; {@code validTo} is null for the current one. */
    public record Edition(String layer, String edition, LocalDate validFrom, LocalDate validTo, String openedBy) {

        public boolean current() {
            return validTo == null;
        }
    }

    record NewEdition(String edition, LocalDate validFrom) {
    }

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final Actor actor;

    ControlLayers(JdbcClient jdbc, LayerAccess access, Actor actor) {
        this.jdbc = jdbc;
        this.access = access;
        this.actor = actor;
    }

    static ControlLayer control(String id) {
        return ALL.stream()
            .filter(l -> l.id().equals(id))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("'" + id + "' is not a control layer; they are "
                    + ALL.stream().map(ControlLayer::id).toList()));
    }

    /** The edition in force on that day, if the layer had one then. */
    public Optional<Edition> editionOn(String layer, LocalDate day) {
        return jdbc.sql("""
                SELECT layer, edition, valid_from, valid_to, opened_by FROM control_edition
                WHERE layer = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)""")
            .params(layer, day, day)
            .query(Edition.class)
            .optional();
    }

    List<Edition> editions(String layer) {
        control(layer);
        access.readable(layer);
        return jdbc.sql("""
                SELECT layer, edition, valid_from, valid_to, opened_by FROM control_edition
                WHERE layer = ? ORDER BY valid_from""")
            .param(layer)
            .query(Edition.class)
            .list();
    }

    /**
     * Opens the next edition of a layer: every feature of the current edition moves to the archive, which
     * closes on the new edition's first day, and the layer is left empty for the new edition's import.
     * Archiving is the edition's record, so the per-feature audit is off for the move.
     */
    @Transactional
    Edition open(String layerId, NewEdition next) {
        control(layerId);
        Layer layer = access.readable(layerId);
        access.checkLayerEdit(layer);
        actor.stamp();
        if (next == null || next.edition() == null || next.edition().isBlank()) {
            throw new InvalidParameterException("edition", "Name the new edition, e.g. \"2024年度变更\"");
        }
        if (next.validFrom() == null) {
            throw new InvalidParameterException("validFrom", "Give the day the new edition comes into force");
        }
        Edition current = jdbc.sql("""
                SELECT layer, edition, valid_from, valid_to, opened_by FROM control_edition
                WHERE layer = ? AND valid_to IS NULL FOR UPDATE""")
            .param(layerId)
            .query(Edition.class)
            .single();
        if (!next.validFrom().isAfter(current.validFrom())) {
            throw new InvalidParameterException("validFrom", "The new edition must start after the current edition '"
                    + current.edition() + "', in force since " + current.validFrom());
        }
        if (jdbc.sql("SELECT count(*) FROM control_edition WHERE layer = ? AND edition = ?")
            .params(layerId, next.edition().trim())
            .query(Long.class)
            .single() > 0) {
            throw new InvalidParameterException("edition", "Layer " + layerId + " already has an edition '"
                    + next.edition().trim() + "'");
        }
        jdbc.sql("SELECT set_config('hetu.audit', 'off', true)").query().singleRow();
        jdbc.sql("INSERT INTO control_archive (layer, edition, feature_id, code, name, town, geom, properties) "
                + "SELECT ?, ?, f.id, f.code, f.name, f.town, f.geom, to_jsonb(f) - 'geom' FROM " + quote(layerId) + " f")
            .params(layerId, current.edition())
            .update();
        jdbc.sql("DELETE FROM " + quote(layerId)).update();
        jdbc.sql("SELECT set_config('hetu.audit', 'on', true)").query().singleRow();
        jdbc.sql("UPDATE control_edition SET valid_to = ? WHERE layer = ? AND edition = ?")
            .params(next.validFrom(), layerId, current.edition())
            .update();
        jdbc.sql("INSERT INTO control_edition (layer, edition, valid_from) VALUES (?, ?, ?)")
            .params(layerId, next.edition().trim(), next.validFrom())
            .update();
        return editionOn(layerId, next.validFrom()).orElseThrow();
    }

}
