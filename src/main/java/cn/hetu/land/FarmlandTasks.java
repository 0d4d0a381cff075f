package cn.hetu.land;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.audit.Actor;
import cn.hetu.county.County;
import cn.hetu.county.CountyProfile;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.EditConflict;
import cn.hetu.system.InvalidParameterException;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * Farmland protection tasks per town (耕地保护任务): the targets handed down for a year (permanent basic farmland
 * and cultivated land, in 亩), the area each town holds now in the current edition of the control lines, and
 * the change since the previous edition (the archive). Read by everyone signed in; the targets are set by
 * whoever may change the farmland layer (the bureau's editors and administrators).
 */
@Component
class FarmlandTasks {

    static final String FARMLAND = "basic_farmland";

    static final String CULTIVATED = "cultivated_land";

    /**
     * One line's figures for a town: the target (null when none was set), held now, held in the previous edition
     * (null when the layer has none), the change, and the share of the target held.
     */
    record Figures(Double targetMu, double heldMu, Double previousMu, Double changeMu, Double heldPct) {
    }

    /** @param town the town's name, its key; @param townEn its English name from the county profile */
    record Town(String town, String townEn, Long taskId, Figures farmland, Figures cultivated, String note, Integer version,
            List<FarmlandLetters.Letter> letters) {
    }

    /** The editions the figures come from: current and previous per line (null when there is none). */
    record Editions(String farmland, String farmlandPrevious, String cultivated, String cultivatedPrevious) {
    }

    record Tasks(int year, Editions editions, List<Town> towns, Figures farmlandTotal, Figures cultivatedTotal) {
    }

    record Target(Double farmlandTargetMu, Double cultivatedTargetMu, String note, Integer version) {
    }

    private record Task(long id, String town, double farmlandTargetMu, double cultivatedTargetMu, String note, int version) {
    }

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final Actor actor;

    private final County county;

    private final FarmlandLetters letters;

    FarmlandTasks(JdbcClient jdbc, LayerAccess access, Actor actor, County county, FarmlandLetters letters) {
        this.jdbc = jdbc;
        this.access = access;
        this.actor = actor;
        this.county = county;
        this.letters = letters;
    }

    Tasks of(int year) {
        access.readable(FARMLAND);
        access.readable(CULTIVATED);
        checkYear(year);
        Optional<String> farmlandPrevious = previousEdition(FARMLAND);
        Optional<String> cultivatedPrevious = previousEdition(CULTIVATED);
        Map<String, Double> farmlandHeld = heldByTown(FARMLAND);
        Map<String, Double> cultivatedHeld = heldByTown(CULTIVATED);
        Map<String, Double> farmlandBefore = farmlandPrevious.map(e -> archivedByTown(FARMLAND, e)).orElse(null);
        Map<String, Double> cultivatedBefore = cultivatedPrevious.map(e -> archivedByTown(CULTIVATED, e)).orElse(null);
        Map<String, Task> tasks = new HashMap<>();
        jdbc.sql("""
                SELECT id, town, farmland_target_mu, cultivated_target_mu, note, version FROM farmland_task WHERE year = ?""")
            .param(year)
            .query(Task.class)
            .list()
            .forEach(t -> tasks.put(t.town(), t));
        Map<Long, List<FarmlandLetters.Letter>> lettersByTask = letters.ofYear(year);
        List<Town> towns = new ArrayList<>();
        for (CountyProfile.Town profileTown : county.profile().towns()) {
            String town = profileTown.nameZh();
            Task task = tasks.get(town);
            towns.add(new Town(town, profileTown.nameEn(), task == null ? null : task.id(),
                    figures(task == null ? null : task.farmlandTargetMu(), farmlandHeld, farmlandBefore, town),
                    figures(task == null ? null : task.cultivatedTargetMu(), cultivatedHeld, cultivatedBefore, town),
                    task == null ? null : task.note(), task == null ? null : task.version(),
                    task == null ? List.of() : lettersByTask.getOrDefault(task.id(), List.of())));
        }
        return new Tasks(year, new Editions(currentEdition(FARMLAND), farmlandPrevious.orElse(null),
                currentEdition(CULTIVATED), cultivatedPrevious.orElse(null)), towns,
                total(towns.stream().map(Town::farmland).toList()), total(towns.stream().map(Town::cultivated).toList()));
    }

    /** Sets (or replaces) the targets of a town for a year. */
    @Transactional
    Tasks save(int year, String town, Target target) {
        access.checkLayerEdit(access.readable(FARMLAND));
        actor.stamp();
        checkYear(year);
        if (!townNames().contains(town)) {
            throw new InvalidParameterException("town", "'" + town + "' is not a town of the county; they are " + townNames());
        }
        if (target == null) {
            throw new InvalidParameterException("farmlandTargetMu", "Send the targets: farmlandTargetMu, cultivatedTargetMu (亩)");
        }
        double farmland = area("farmlandTargetMu", target.farmlandTargetMu());
        double cultivated = area("cultivatedTargetMu", target.cultivatedTargetMu());
        String note = target.note() == null || target.note().isBlank() ? null : target.note().trim();
        if (note != null && note.length() > 2000) {
            throw new InvalidParameterException("note", "note is at most 2000 characters");
        }
        Optional<Integer> stored = jdbc.sql("SELECT version FROM farmland_task WHERE year = ? AND town = ? FOR UPDATE")
            .params(year, town)
            .query(Integer.class)
            .optional();
        if (stored.isPresent()) {
            if (!stored.get().equals(target.version())) {
                throw new EditConflict("Someone else changed the task of " + town + " in " + year + " since you read it", false, null);
            }
            jdbc.sql("""
                    UPDATE farmland_task SET farmland_target_mu = ?, cultivated_target_mu = ?, note = ?, version = version + 1,
                           updated_by = acting_user(), updated_at = now()
                    WHERE year = ? AND town = ?""")
                .params(farmland, cultivated, note, year, town)
                .update();
        } else {
            jdbc.sql("INSERT INTO farmland_task (year, town, farmland_target_mu, cultivated_target_mu, note) VALUES (?, ?, ?, ?, ?)")
                .params(year, town, farmland, cultivated, note)
                .update();
        }
        return of(year);
    }

    /** The id of a town's task of a year, to attach a letter to (its targets are set first). */
    long taskForLetter(int year, String town) {
        access.checkLayerEdit(access.readable(FARMLAND));
        return jdbc.sql("SELECT id FROM farmland_task WHERE year = ? AND town = ?")
            .params(year, town)
            .query(Long.class)
            .optional()
            .orElseThrow(() -> new InvalidParameterException("town", "Set the " + year + " targets of " + town
                    + " before attaching its responsibility letter"));
    }

    private List<String> townNames() {
        return county.profile().towns().stream().map(CountyProfile.Town::nameZh).toList();
    }

    private Map<String, Double> heldByTown(String layer) {
        return byTown("SELECT town, sum(area_m2) FROM " + quote(layer) + " WHERE town IS NOT NULL GROUP BY town");
    }

    private Map<String, Double> archivedByTown(String layer, String edition) {
        return byTown("SELECT town, sum(ST_Area(geom::geography)) FROM control_archive "
                + "WHERE layer = '" + layer + "' AND edition = ? AND town IS NOT NULL GROUP BY town", edition);
    }

    private Map<String, Double> byTown(String sql, Object... params) {
        Map<String, Double> mu = new HashMap<>();
        jdbc.sql(sql).params(params).query((rs, n) -> mu.put(rs.getString(1), rs.getDouble(2) / ConflictCheck.SQUARE_METRES_PER_MU)).list();
        return mu;
    }

    private String currentEdition(String layer) {
        return jdbc.sql("SELECT edition FROM control_edition WHERE layer = ? AND valid_to IS NULL")
            .param(layer)
            .query(String.class)
            .optional()
            .orElse(null);
    }

    private Optional<String> previousEdition(String layer) {
        return jdbc.sql("SELECT edition FROM control_edition WHERE layer = ? AND valid_to IS NOT NULL ORDER BY valid_from DESC LIMIT 1")
            .param(layer)
            .query(String.class)
            .optional();
    }

    private static Figures figures(Double target, Map<String, Double> held, Map<String, Double> before, String town) {
        double now = held.getOrDefault(town, 0.0);
        Double previous = before == null ? null : before.getOrDefault(town, 0.0);
        return new Figures(target, round(now), previous == null ? null : round(previous),
                previous == null ? null : round(now - previous), target == null || target == 0 ? null : round(100 * now / target));
    }

    private static Figures total(List<Figures> figures) {
        boolean targets = figures.stream().anyMatch(f -> f.targetMu() != null);
        boolean previous = figures.stream().anyMatch(f -> f.previousMu() != null);
        double target = figures.stream().mapToDouble(f -> f.targetMu() == null ? 0 : f.targetMu()).sum();
        double held = figures.stream().mapToDouble(Figures::heldMu).sum();
        double before = figures.stream().mapToDouble(f -> f.previousMu() == null ? 0 : f.previousMu()).sum();
        return new Figures(targets ? round(target) : null, round(held), previous ? round(before) : null,
                previous ? round(held - before) : null, targets && target > 0 ? round(100 * held / target) : null);
    }

    private static double area(String field, Double mu) {
        if (mu == null || mu.isNaN() || mu < 0 || mu > 1e9) {
            throw new InvalidParameterException(field, field + " is the area to protect in 亩, a number from 0 up");
        }
        return mu;
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidParameterException("year", "year is between 2000 and 2100, not " + year);
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

}
