package cn.hetu.county;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The county Hetu serves: what an administrator edits and {@code GET /api/v1/county} serves.
 *
 * @param code the six-digit administrative division code
 * @param timeZone an IANA zone; the county's days, months and years begin at its midnight
 * @param gkZones the CGCS2000 3-degree Gauss-Krüger zones (25-45) its survey data comes in, the main one first
 * @param extent lon/lat box (west, south, east, north) features may lie in: the boundary's box with a margin
 * @param boundary GeoJSON Polygon or MultiPolygon in CGCS2000 lon/lat
 */
public record CountyProfile(String code, String nameZh, String nameEn, String timeZone, List<Integer> gkZones,
        double[] extent, View view, List<Department> departments, List<Town> towns, JsonNode boundary,
        Instant updatedAt, String updatedBy) {

    /** The map's first view. */
    public record View(double[] center, int zoom) {
    }

    public record Department(String code, String nameZh, String nameEn) {
    }

    /** @param kind county_seat, town, township or subdistrict; @param seat lon/lat of its government */
    public record Town(String nameZh, String nameEn, String kind, double[] seat, List<String> villages) {
    }

}
