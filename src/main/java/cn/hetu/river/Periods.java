package cn.hetu.river;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods a type's frequency rules ask patrols in, between two local days: per month the month itself, three
 * 旬 (1–10, 11–20, 21–end), four weeks (1–7, 8–14, 15–21, 22–end) or each day. A period belongs to the season its
 * first day lies in: a seasonal rule of a level takes the periods starting in its season, the level's all-year rule
 * those starting in none of its seasons. A period is cut where its rule stops governing (the week of 15 September
 * ends on the 19th when the harvest's daily rule begins on the 20th), so periods of a level never overlap and no
 * patrol counts twice. Periods starting before {@code first} are left out, and the last one is cut at
 * {@code stop}, so that a season's summary judges only what lies in the season.
 */
final class Periods {

    /** A period of a level: from {@code start} to {@code stop} (exclusive), at least {@code minCount} patrols. */
    record Period(String level, LocalDate start, LocalDate stop, int minCount) {
    }

    private Periods() {
    }

    static List<Period> of(PatrolType type, LocalDate first, LocalDate stop) {
        List<Period> periods = new ArrayList<>();
        for (YearMonth month = YearMonth.from(first); !month.atDay(1).isAfter(stop.minusDays(1)); month = month.plusMonths(1)) {
            for (PatrolType.Frequency rule : type.frequency()) {
                for (LocalDate[] slot : slots(month, rule.period())) {
                    if (slot[0].isBefore(first) || !slot[0].isBefore(stop) || !governs(type, rule, slot[0])) {
                        continue;
                    }
                    LocalDate end = slot[1].isAfter(stop) ? stop : slot[1];
                    for (LocalDate day = slot[0].plusDays(1); day.isBefore(end); day = day.plusDays(1)) {
                        if (!governs(type, rule, day)) {
                            end = day;
                        }
                    }
                    periods.add(new Period(rule.level(), slot[0], end, rule.minCount()));
                }
            }
        }
        return periods;
    }

    private static boolean governs(PatrolType type, PatrolType.Frequency rule, LocalDate day) {
        if (rule.season() != null) {
            return type.season(rule.season()).map(s -> s.contains(day)).orElse(false);
        }
        return type.frequency().stream()
            .filter(other -> other.season() != null && other.level().equals(rule.level()))
            .noneMatch(other -> type.season(other.season()).map(s -> s.contains(day)).orElse(false));
    }

    private static List<LocalDate[]> slots(YearMonth month, String period) {
        LocalDate next = month.plusMonths(1).atDay(1);
        int[] starts = switch (period) {
            case "month" -> new int[] { 1 };
            case "xun" -> new int[] { 1, 11, 21 };
            case "week" -> new int[] { 1, 8, 15, 22 };
            default -> java.util.stream.IntStream.rangeClosed(1, month.lengthOfMonth()).toArray();
        };
        List<LocalDate[]> slots = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            slots.add(new LocalDate[] { month.atDay(starts[i]), i + 1 < starts.length ? month.atDay(starts[i + 1]) : next });
        }
        return slots;
    }

}
