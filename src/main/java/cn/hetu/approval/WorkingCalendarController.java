package cn.hetu.approval;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.system.InvalidParameterException;

/** The holidays and worked weekend days of the working-day limits, a year at a time. */
@RestController
@RequestMapping("/api/v1/calendar-days")
class WorkingCalendarController {

    private final WorkingCalendar calendar;

    WorkingCalendarController(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping
    List<WorkingCalendar.Day> year(@RequestParam int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidParameterException("year", "year is between 2000 and 2100");
        }
        return calendar.year(year);
    }

    @PutMapping("/{day}")
    WorkingCalendar.Day put(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestBody WorkingCalendar.DayChange change) {
        return calendar.put(day, change);
    }

    @DeleteMapping("/{day}")
    ResponseEntity<Void> remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        calendar.remove(day);
        return ResponseEntity.noContent().build();
    }

}
