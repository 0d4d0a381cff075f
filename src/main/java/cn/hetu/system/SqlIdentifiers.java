package cn.hetu.system;

/** Quoting of SQL identifiers, which are only ever taken from the catalogue, never from a request. */
public final class SqlIdentifiers {

    private SqlIdentifiers() {
    }

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

}
