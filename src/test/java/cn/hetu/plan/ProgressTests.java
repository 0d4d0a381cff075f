package cn.hetu.plan;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The status rule on its own, at the edges of months, years and the county's day. */
class ProgressTests {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    private static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);

    @Test
    void theDeadlineIsTheLastDayInProgressAndTheNextDayMissesIt() {
        LocalDate endOfJanuary = LocalDate.of(2026, 1, 31);
        assertThat(Progress.of(9.0, 10, true, JAN_1, endOfJanuary, endOfJanuary)).isEqualTo(Progress.BEHIND);
        assertThat(Progress.of(9.0, 10, true, JAN_1, endOfJanuary, LocalDate.of(2026, 2, 1))).isEqualTo(Progress.MISSED);
        assertThat(Progress.of(10.0, 10, true, JAN_1, endOfJanuary, LocalDate.of(2026, 2, 1))).isEqualTo(Progress.DONE);
        assertThat(Progress.of(5.0, 10, true, JAN_1, DEC_31, DEC_31)).isEqualTo(Progress.BEHIND);
        assertThat(Progress.of(5.0, 10, true, JAN_1, DEC_31, LocalDate.of(2027, 1, 1))).isEqualTo(Progress.MISSED);
    }

    @Test
    void anAtLeastTargetIsExpectedEvenlyOverItsPeriod() {
        // 1 July is day 182 of 365: half the target is just on track, a little less is behind.
        LocalDate july1 = LocalDate.of(2026, 7, 1);
        assertThat(Progress.elapsed(JAN_1, DEC_31, july1)).isEqualTo(182 / 365.0);
        assertThat(Progress.of(50.0, 100, true, JAN_1, DEC_31, july1)).isEqualTo(Progress.ON_TRACK);
        assertThat(Progress.of(49.0, 100, true, JAN_1, DEC_31, july1)).isEqualTo(Progress.BEHIND);
        assertThat(Progress.of(0.0, 100, true, JAN_1, DEC_31, LocalDate.of(2025, 12, 31))).as("before the period")
            .isEqualTo(Progress.ON_TRACK);
        assertThat(Progress.of(100.0, 100, true, JAN_1, DEC_31, july1)).isEqualTo(Progress.DONE);
    }

    @Test
    void zeroIsAFigureAndNoFigureIsUnavailable() {
        assertThat(Progress.of(0.0, 95, true, JAN_1, DEC_31, LocalDate.of(2026, 3, 1))).isEqualTo(Progress.BEHIND);
        assertThat(Progress.of(null, 95, true, JAN_1, DEC_31, LocalDate.of(2026, 3, 1))).isEqualTo(Progress.UNAVAILABLE);
        assertThat(Progress.of(null, 95, true, JAN_1, DEC_31, LocalDate.of(2027, 3, 1))).isEqualTo(Progress.UNAVAILABLE);
    }

    @Test
    void aNoMoreThanTargetIsMetOnlyWhenItsPeriodIsOver() {
        assertThat(Progress.of(0.0, 0, false, JAN_1, DEC_31, LocalDate.of(2026, 6, 1))).isEqualTo(Progress.ON_TRACK);
        assertThat(Progress.of(1.0, 0, false, JAN_1, DEC_31, LocalDate.of(2026, 6, 1))).isEqualTo(Progress.BEHIND);
        assertThat(Progress.of(0.0, 0, false, JAN_1, DEC_31, LocalDate.of(2027, 1, 1))).isEqualTo(Progress.DONE);
        assertThat(Progress.of(1.0, 0, false, JAN_1, DEC_31, LocalDate.of(2027, 1, 1))).isEqualTo(Progress.MISSED);
    }

}
