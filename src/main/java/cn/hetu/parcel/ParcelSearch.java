package cn.hetu.parcel;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A planner's question about idle and inefficient land: attribute conditions and spatial ones,
 * all combined with AND. Areas are in {@code areaUnit} (m2, ha or mu; 1 亩 = 666.67 m²),
 * distances in true metres.
 *
 * @param polygon a GeoJSON Polygon or MultiPolygon drawn on the map (lon/lat)
 * @param polygonRelation {@code intersects} (default: touching the drawn area counts) or {@code within}
 * @param project only parcels that intersect this project's footprint
 * @param outsideFarmland only parcels whose interior enters no permanent basic farmland (touching does not count)
 * @param insideUrbanBoundary only parcels lying wholly within one development boundary feature
 */
record ParcelSearch(List<String> categories, Double areaMin, Double areaMax, String areaUnit, Integer idleYearsAtLeast,
        LocalDate idleSinceBefore, List<String> towns, List<String> landUses, String holder, List<String> disposalStatus,
        List<String> disposalMethods, JsonNode polygon, String polygonRelation, Near near, Long project, String sort,
        Integer page, Integer size, Boolean outsideFarmland, Boolean insideUrbanBoundary) {

    /**
     * Within {@code distance} metres of features of a collection: the listed ids, or those whose
     * properties equal {@code where} (e.g. {"road": "G205"}, {"river": "包河"}), or the whole layer.
     */
    record Near(String collection, List<Long> ids, Map<String, String> where, Double distance) {
    }

}
