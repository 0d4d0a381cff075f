package cn.hetu.cql2;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Entry point: a {@code filter} parameter in either CQL2 encoding, parsed into an {@link Expr}. */
public final class Cql2 {

    public static final String TEXT = "cql2-text";

    public static final String JSON = "cql2-json";

    /** Longer filters are refused before parsing. */
    static final int MAX_LENGTH = 100_000;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Cql2() {
    }

    public static Expr parse(String filter, String language) {
        if (filter.length() > MAX_LENGTH) {
            throw new Cql2Exception("the filter has " + filter.length() + " characters; at most " + MAX_LENGTH);
        }
        if (language == null || language.equals(TEXT)) {
            return Cql2Text.parse(filter);
        }
        if (language.equals(JSON)) {
            try {
                return Cql2Json.parse(MAPPER.readTree(filter));
            }
            catch (JacksonException e) {
                // The parser's own wording names its internals; say where, in the words of the API.
                throw new Cql2Exception(e.getLocation() == null ? "is not well-formed JSON"
                        : "is not well-formed JSON: it breaks off or goes wrong at line " + e.getLocation().getLineNr()
                                + ", column " + e.getLocation().getColumnNr());
            }
        }
        throw new Cql2Exception("filter-lang must be " + TEXT + " or " + JSON + ", not '" + language + "'");
    }

}
