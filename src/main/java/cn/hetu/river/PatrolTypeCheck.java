package cn.hetu.river;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Layer;
import cn.hetu.system.InvalidParameterException;

/**
 * What an administrator's patrol type must be before it is stored: every problem is a 400 naming the field, so a
 * type that the upload, the report or the bulletin could not evaluate never reaches the table.
 */
@Component
class PatrolTypeCheck {

    private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9_]{1,39}$");

    private static final Set<String> KINDS = Set.of("segments", "grids", "assets");

    static final Set<String> PERIODS = Set.of("month", "xun", "week", "day");

    private final Catalog catalog;

    PatrolTypeCheck(Catalog catalog) {
        this.catalog = catalog;
    }

    void check(PatrolType type) {
        id("id", type.id());
        name("name", type.name(), 50);
        appliesTo(type.appliesTo());
        Set<String> categories = items("issueCategories", type.issueCategories());
        if (categories.isEmpty()) {
            throw new InvalidParameterException("issueCategories", "A type needs at least one issue category");
        }
        checklists(type, categories);
        Set<String> seasons = seasons(type.seasons());
        frequency(type.frequency(), seasons);
        if (type.rectifyDays() != null && (type.rectifyDays() < 1 || type.rectifyDays() > 365)) {
            throw new InvalidParameterException("rectifyDays", "rectifyDays is between 1 and 365");
        }
    }

    private static void id(String where, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidParameterException(where, where + " is 2 to 40 lower-case letters, digits or _, starting with a letter");
        }
    }

    private static void name(String where, PatrolType.Name name, int max) {
        if (name == null || blank(name.zh()) || blank(name.en())) {
            throw new InvalidParameterException(where, where + " needs zh and en");
        }
        if (name.zh().length() > max || name.en().length() > 80) {
            throw new InvalidParameterException(where, where + " is too long (zh " + max + ", en 80 characters at most)");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private void appliesTo(PatrolType.AppliesTo applies) {
        if (applies == null || !KINDS.contains(applies.kind())) {
            throw new InvalidParameterException("appliesTo.kind", "appliesTo.kind is one of " + KINDS);
        }
        if (applies.collections() == null || applies.collections().isEmpty()) {
            throw new InvalidParameterException("appliesTo.collections", "Name the collections the type applies to");
        }
        for (String collection : applies.collections()) {
            Layer layer = catalog.find(collection == null ? "" : collection)
                .orElseThrow(() -> new InvalidParameterException("appliesTo.collections", "No collection '" + collection + "'"));
            boolean fits = switch (applies.kind()) {
                case "segments" -> Set.of("river_segment", "ditch").contains(collection);
                case "grids" -> collection.equals("patrol_grid");
                default -> !layer.isRecord();
            };
            if (!fits) {
                throw new InvalidParameterException("appliesTo.collections",
                        "'" + collection + "' does not fit appliesTo.kind " + applies.kind());
            }
        }
    }

    private static Set<String> items(String where, List<PatrolType.Item> items) {
        Set<String> ids = new HashSet<>();
        if (items == null) {
            return ids;
        }
        for (PatrolType.Item item : items) {
            if (item == null) {
                throw new InvalidParameterException(where, where + " has an empty entry");
            }
            id(where + ".id", item.id());
            name(where + "." + item.id() + ".name", item.name(), 50);
            if (!ids.add(item.id())) {
                throw new InvalidParameterException(where, where + " names '" + item.id() + "' twice");
            }
        }
        return ids;
    }

    private static void checklists(PatrolType type, Set<String> categories) {
        Map<String, List<PatrolType.Item>> checklists = type.checklists() == null ? Map.of() : type.checklists();
        for (Map.Entry<String, List<PatrolType.Item>> list : checklists.entrySet()) {
            String where = "checklists." + list.getKey();
            if (!type.appliesTo().collections().contains(list.getKey())) {
                throw new InvalidParameterException(where, "A checklist is for a collection the type applies to");
            }
            for (String item : items(where, list.getValue())) {
                if (!categories.contains(item)) {
                    throw new InvalidParameterException(where,
                            "Checklist item '" + item + "' needs an issue category of the same id: a failed item is reported under it");
                }
            }
        }
    }

    private static Set<String> seasons(List<PatrolType.Season> seasons) {
        Set<String> ids = new HashSet<>();
        for (PatrolType.Season season : seasons == null ? List.<PatrolType.Season>of() : seasons) {
            if (season == null) {
                throw new InvalidParameterException("seasons", "seasons has an empty entry");
            }
            id("seasons.id", season.id());
            name("seasons." + season.id() + ".name", season.name(), 50);
            monthDay("seasons." + season.id() + ".from", season.from());
            monthDay("seasons." + season.id() + ".to", season.to());
            if (!ids.add(season.id())) {
                throw new InvalidParameterException("seasons", "seasons names '" + season.id() + "' twice");
            }
        }
        return ids;
    }

    private static void monthDay(String where, String text) {
        try {
            MonthDay.parse("--" + text);
        }
        catch (DateTimeException | NullPointerException e) {
            throw new InvalidParameterException(where, where + " is a day of the year written MM-dd, like 06-01, not '" + text + "'");
        }
    }

    private static void frequency(List<PatrolType.Frequency> rules, Set<String> seasons) {
        if (rules == null || rules.isEmpty()) {
            throw new InvalidParameterException("frequency", "A type needs at least one frequency rule");
        }
        Set<String> seen = new HashSet<>();
        for (PatrolType.Frequency rule : rules) {
            if (rule == null || !Chiefs.LEVELS.contains(rule.level())) {
                throw new InvalidParameterException("frequency.level", "frequency.level is one of " + Chiefs.LEVELS);
            }
            if (!PERIODS.contains(rule.period())) {
                throw new InvalidParameterException("frequency.period", "frequency.period is one of " + PERIODS);
            }
            if (rule.minCount() == null || rule.minCount() < 1 || rule.minCount() > 31) {
                throw new InvalidParameterException("frequency.minCount", "frequency.minCount is between 1 and 31");
            }
            if (rule.season() != null && !seasons.contains(rule.season())) {
                throw new InvalidParameterException("frequency.season", "No season '" + rule.season() + "' among the type's seasons");
            }
            if (!seen.add(rule.level() + "/" + rule.season())) {
                throw new InvalidParameterException("frequency",
                        "Two rules for level " + rule.level() + (rule.season() == null ? " all year" : " in season " + rule.season()));
            }
        }
    }

}
