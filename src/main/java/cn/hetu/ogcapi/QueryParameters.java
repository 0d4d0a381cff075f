package cn.hetu.ogcapi;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.util.MultiValueMap;

import cn.hetu.system.InvalidParameterException;

/**
 * Each OGC path refuses query parameters it does not define, as the items path does for properties that
 * are not queryables: a misspelt parameter must not be silently ignored (OGC API - Features, 7.6).
 */
public final class QueryParameters {

    /** What every document takes: the format, and the language of its HTML. */
    public static final Set<String> DOCUMENT = Set.of("f", "lang");

    private QueryParameters() {
    }

    public static void allowOnly(MultiValueMap<String, String> params, Set<String> allowed) {
        for (String name : params.keySet()) {
            if (!allowed.contains(name)) {
                throw new InvalidParameterException(name,
                        "Unknown query parameter '" + name + "'; this path takes " + new TreeSet<>(allowed));
            }
        }
    }

}
