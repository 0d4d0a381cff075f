package cn.hetu.catalog;

/**
 * One attribute column of a collection's table.
 *
 * @param generated computed by the database from other columns (lengths, areas), never written
 */
public record Column(String name, ColumnType type, boolean generated) {
}
