package cn.hetu.ogcapi;

import java.util.Map;

/**
 * A parsed, validated items request.
 *
 * @param after keyset cursor: only features with a greater id, so deep pages cost the same as the first
 * @param properties equality filters, column name to a value already of the column's type
 */
record ItemsQuery(int limit, Long after, Bbox bbox, TimeInterval datetime, Map<String, Object> properties) {
}
