package cn.hetu.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The kinds of attribute values a collection can hold, as seen by clients. */
public enum ColumnType {

    STRING, INTEGER, NUMBER, BOOLEAN, DATE, DATETIME, OBJECT, UUID;

    static ColumnType ofPostgres(String dataType) {
        return switch (dataType) {
            case "smallint", "integer", "bigint" -> INTEGER;
            case "numeric", "double precision", "real" -> NUMBER;
            case "boolean" -> BOOLEAN;
            case "date" -> DATE;
            case "timestamp with time zone", "timestamp without time zone" -> DATETIME;
            case "jsonb", "json" -> OBJECT;
            case "uuid" -> UUID;
            default -> STRING;
        };
    }

    /** A value of this type from its text form; IllegalArgumentException when the text is not one. */
    public Object parse(String text) {
        try {
            return switch (this) {
                case INTEGER -> Long.valueOf(text);
                case NUMBER -> new BigDecimal(text);
                case BOOLEAN -> switch (text) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException(text);
                };
                case DATE -> LocalDate.parse(text);
                case DATETIME -> OffsetDateTime.parse(text);
                case UUID -> java.util.UUID.fromString(text);
                default -> text;
            };
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** Simple values can be compared for equality in a query parameter. */
    public boolean isSimple() {
        return this != OBJECT;
    }

}
