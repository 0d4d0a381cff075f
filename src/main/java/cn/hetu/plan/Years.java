package cn.hetu.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.hetu.system.InvalidParameterException;

/** The year and day parameters of the plans API, as 400s naming the parameter when malformed. */
public final class Years {

    private Years() {
    }

    public static int parse(String text) {
        try {
            int year = Integer.parseInt(text.trim());
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        }
        catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameterException("year", "year is a year from 2000 to 2100, got '" + text + "'");
    }

    static LocalDate day(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        }
        catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, parameter + " is a day (yyyy-MM-dd), got '" + text + "'");
        }
    }

}
