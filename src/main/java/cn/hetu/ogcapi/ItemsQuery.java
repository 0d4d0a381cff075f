package cn.hetu.ogcapi;

import cn.hetu.geo.Crs;
import cn.hetu.query.ItemsFilter;

/**
 * A parsed, validated feature page request.
 *
 * @param after keyset cursor: only features with a greater id, so deep pages cost the same as the first
 *        (a Long, or a UUID for the river chief system's records)
 * @param before keyset cursor of a previous page: the features with the greatest ids below it
 * @param filter which features: bbox, datetime, CQL2 and property filters
 * @param crs the CRS to serve the geometries in
 */
record ItemsQuery(int limit, Object after, Object before, ItemsFilter filter, Crs crs) {
}
