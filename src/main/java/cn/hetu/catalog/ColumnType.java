package cn.hetu.catalog;

/** The kinds of attribute values a collection can hold, as seen by clients. */
public enum ColumnType {

    STRING, INTEGER, NUMBER, BOOLEAN, DATE, DATETIME, OBJECT;

    static ColumnType ofPostgres(String dataType) {
        return switch (dataType) {
            case "smallint", "integer", "bigint" -> INTEGER;
            case "numeric", "double precision", "real" -> NUMBER;
            case "boolean" -> BOOLEAN;
            case "date" -> DATE;
            case "timestamp with time zone", "timestamp without time zone" -> DATETIME;
            case "jsonb", "json" -> OBJECT;
            default -> STRING;
        };
    }

    /** Simple values can be compared for equality in a query parameter. */
    public boolean isSimple() {
        return this != OBJECT;
    }

}
