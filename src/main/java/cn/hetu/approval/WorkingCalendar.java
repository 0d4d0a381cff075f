package cn.hetu.approval;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.audit.Actor;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

/**
 * The calendar behind every working-day limit ({@code calendar_day}): public holidays and the weekend days worked
 * instead (调休), as the State Council publishes them each year. The approval bureau enters the next year's notice
 * here; every other day is a working day from Monday to Friday.
 */
@Service
class WorkingCalendar {

    record Day(LocalDate day, String kind, String name) {
    }

    record DayChange(String kind, String name) {
    }

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final Actor actor;

    WorkingCalendar(JdbcClient jdbc, LayerAccess access, Actor actor) {
        this.jdbc = jdbc;
        this.access = access;
        this.actor = actor;
    }

    @Transactional(readOnly = true)
    List<Day> year(int year) {
        access.requireUser();
        return jdbc.sql("SELECT day, kind, name FROM calendar_day WHERE extract(year FROM day) = ? ORDER BY day")
            .param(year)
            .query(Day.class)
            .list();
    }

    /** A holiday on a weekday, or a workday on a weekend: anything else would change nothing and is refused. */
    @Transactional
    Day put(LocalDate day, DayChange change) {
        access.requireEditorOf(Approvals.BUREAU);
        if (change.kind() == null || !List.of("holiday", "workday").contains(change.kind())) {
            throw new InvalidParameterException("kind", "kind is holiday (放假) or workday (调休上班)");
        }
        if (change.name() == null || change.name().isBlank()) {
            throw new InvalidParameterException("name", "Name the holiday, e.g. 春节 or 春节调休");
        }
        boolean weekend = day.getDayOfWeek().getValue() >= 6;
        if (change.kind().equals("workday") != weekend) {
            throw new InvalidParameterException("kind", day + " is a " + day.getDayOfWeek() + ": only a weekday is a holiday"
                    + " and only a weekend day is worked instead (只有工作日可设为放假，只有周末可设为调休上班)");
        }
        actor.stamp();
        jdbc.sql("""
                INSERT INTO calendar_day (day, kind, name) VALUES (?, ?, ?)
                ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name""")
            .params(day, change.kind(), change.name().trim())
            .update();
        return new Day(day, change.kind(), change.name().trim());
    }

    @Transactional
    void remove(LocalDate day) {
        access.requireEditorOf(Approvals.BUREAU);
        actor.stamp();
        if (jdbc.sql("DELETE FROM calendar_day WHERE day = ?").param(day).update() == 0) {
            throw new NotFoundException(day + " is an ordinary day of the calendar");
        }
    }

}
