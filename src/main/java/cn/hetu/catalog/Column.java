package cn.hetu.catalog;

import cn.hetu.system.InvalidParameterException;

/**
 * One attribute column of a collection's table.
 *
 * @param generated computed by the database from other columns (lengths, areas), never written
 * @param title the field's name in the file an imported layer came from (a column comment), when the
 *        column's own name had to be made SQL-safe; null otherwise
 */
public record Column(String name, ColumnType type, boolean generated, String title) {

    /** A request's text for this column as a value of its type, or a 400 naming the column. */
    public Object value(String text) {
        try {
            return type.parse(text);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name, "'" + text + "' is not a valid " + type.name().toLowerCase() + " for "
                    + name);
        }
    }

}
