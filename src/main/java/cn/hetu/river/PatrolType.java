package cn.hetu.river;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kind of field work as the county defines it (one row of {@code patrol_type}): what it applies to, the
 * checklist per asset collection, the issue categories, the seasons and the frequency rules per level. Nothing
 * of a particular type is written in Java: the patrol upload, the issue report and the bulletin read it here.
 *
 * @param appliesTo river segments and ditches ({@code segments}), straw-burning grids ({@code grids}) or asset
 *        collections ({@code assets})
 * @param checklists per asset collection, the items an inspection passes or fails; each item is also an issue
 *        category, the one a failed item is reported under
 * @param builtIn one of the four the application comes with (set by the application, not by a request)
 * @param sortOrder where it is listed, 100 when not given
 * @param rectifyDays days from an inspection to the deadline of the issue a failed item becomes
 */
record PatrolType(String id, Name name, Boolean builtIn, Integer sortOrder, AppliesTo appliesTo, List<Item> issueCategories,
        Map<String, List<Item>> checklists, List<Season> seasons, List<Frequency> frequency, Integer rectifyDays, Integer version) {

    record Name(String zh, String en) {
    }

    record AppliesTo(String kind, List<String> collections) {
    }

    record Item(String id, Name name) {
    }

    /** A season of the year, from and to inclusive as MM-dd; {@code to} before {@code from} runs over the new year. */
    record Season(String id, Name name, String from, String to) {

        boolean contains(LocalDate day) {
            MonthDay d = MonthDay.from(day);
            MonthDay first = MonthDay.parse("--" + from);
            MonthDay last = MonthDay.parse("--" + to);
            return first.isAfter(last) ? !d.isBefore(first) || !d.isAfter(last) : !d.isBefore(first) && !d.isAfter(last);
        }
    }

    /** At least {@code minCount} patrols in every {@code period} (month, xun, week, day) at this level; in a season or the rest of the year. */
    record Frequency(String level, String period, Integer minCount, String season) {
    }

    boolean hasCategory(String category) {
        return issueCategories.stream().anyMatch(c -> c.id().equals(category));
    }

    List<String> categoryIds() {
        return issueCategories.stream().map(Item::id).toList();
    }

    List<Item> checklist(String collection) {
        return checklists.getOrDefault(collection, List.of());
    }

    Optional<Season> season(String seasonId) {
        return seasons.stream().filter(s -> s.id().equals(seasonId)).findFirst();
    }

}
