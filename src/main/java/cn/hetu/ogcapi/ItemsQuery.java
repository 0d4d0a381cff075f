package cn.hetu.ogcapi;

import java.util.Map;

import cn.hetu.cql2.Cql2Sql;
import cn.hetu.geo.Crs;

/**
 * A parsed, validated items request.
 *
 * @param after keyset cursor: only features with a greater id, so deep pages cost the same as the first
 *        (a Long, or a UUID for the river chief system's records)
 * @param before keyset cursor of a previous page: the features with the greatest ids below it
 * @param bbox in the axis order of {@code bboxCrs}
 * @param properties equality filters, column name to a value already of the column's type
 * @param filter the CQL2 filter as SQL, or null
 * @param crs the CRS to serve the geometries in
 */
record ItemsQuery(int limit, Object after, Object before, Bbox bbox, Crs bboxCrs, TimeInterval datetime, Map<String, Object> properties,
        Cql2Sql.Condition filter, Crs crs) {
}
