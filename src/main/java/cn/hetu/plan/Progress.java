package cn.hetu.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Where an indicator stands on the county's day: {@code done} (target met), {@code on_track}, {@code behind},
 * {@code missed} (the deadline passed unmet) or {@code unavailable} (no figure). The deadline is the last day
 * of the period, so on that day the indicator is still in progress. An "at least" target is expected to be
 * reached evenly over the period; a "no more than" target is met only once its period is over, and is behind
 * while the figure already exceeds it.
 */
public enum Progress {

    DONE, ON_TRACK, BEHIND, MISSED, UNAVAILABLE;

    public String code() {
        return name().toLowerCase();
    }

    public static Progress of(Double figure, double target, boolean atLeast, LocalDate start, LocalDate deadline,
            LocalDate today) {
        if (figure == null) {
            return UNAVAILABLE;
        }
        boolean met = atLeast ? figure >= target : figure <= target;
        boolean over = today.isAfter(deadline);
        if (over) {
            return met ? DONE : MISSED;
        }
        if (!atLeast) {
            return met ? ON_TRACK : BEHIND;
        }
        if (met) {
            return DONE;
        }
        return figure >= target * elapsed(start, deadline, today) ? ON_TRACK : BEHIND;
    }

    /** The share of the period's days that have begun by {@code today}, from 0 before it starts to 1 on its deadline. */
    static double elapsed(LocalDate start, LocalDate deadline, LocalDate today) {
        if (today.isBefore(start)) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(start, deadline) + 1;
        return Math.min(1, (ChronoUnit.DAYS.between(start, today) + 1) / (double) days);
    }

}
