package cn.hetu.geo;

import java.util.List;

import cn.hetu.system.InvalidParameterException;

/**
 * A coordinate reference system that features can be served in and bboxes given in (OGC API -
 * Features Part 2). Geometries are stored in EPSG:4490 (CGCS2000, longitude first internally);
 * CRS84 serves them as they are, the others are transformed by PostGIS. CRSs whose first axis
 * points north (latitude, or northing in the Gauss-Krüger zones) get their coordinates swapped.
 *
 * @param decimals digits after the point: 7 for degrees (about a centimetre), 3 for metres
 */
public record Crs(String uri, int srid, boolean northFirst, int decimals) {

    public static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

    public static final Crs CRS84 = new Crs(CRS84_URI, 4490, false, 7);

    /** Storage CRS: CGCS2000, which survey data arrives in. */
    public static final Crs CGCS2000 = new Crs(EPSG + "4490", 4490, true, 7);

    public static final List<Crs> SUPPORTED = List.of(CRS84, new Crs(EPSG + "4326", 4326, true, 7), CGCS2000,
            new Crs(EPSG + "3857", 3857, false, 2),
            // CGCS2000 3-degree Gauss-Krüger zone 39 (central meridian 117°E), with and without the zone number in X.
            new Crs(EPSG + "4527", 4527, true, 3), new Crs(EPSG + "4548", 4548, true, 3));

    /** Accepts the URI form and the short forms {@code EPSG:4490} and {@code [EPSG:4490]}. */
    public static Crs parse(String parameter, String value) {
        if (value == null) {
            return CRS84;
        }
        String text = value.trim().replaceAll("^\\[|\\]$", "");
        String uri = text.matches("(?i)EPSG:\\d+") ? EPSG + text.substring(5) : text.equalsIgnoreCase("OGC:CRS84") ? CRS84_URI : text;
        return SUPPORTED.stream()
            .filter(crs -> crs.uri().equals(uri))
            .findFirst()
            .orElseThrow(() -> new InvalidParameterException(parameter, "CRS '" + value + "' is not offered; use one of "
                    + SUPPORTED.stream().map(Crs::uri).toList()));
    }

    public static List<String> uris() {
        return SUPPORTED.stream().map(Crs::uri).toList();
    }

    /** SQL for a geometry column (stored in 4490) expressed in this CRS, axes in its order. */
    public String geometrySql(String column) {
        String transformed = srid == 4490 ? column : "ST_Transform(" + column + ", " + srid + ")";
        return northFirst ? "ST_FlipCoordinates(" + transformed + ")" : transformed;
    }

    /** SQL for a geometry given in this CRS, axes in its order, brought into the storage CRS. */
    public String toStorageSql(String geometry) {
        String lonFirst = northFirst ? "ST_FlipCoordinates(" + geometry + ")" : geometry;
        return srid == 4490 ? "ST_SetSRID(" + lonFirst + ", 4490)"
                : "ST_Transform(ST_SetSRID(" + lonFirst + ", " + srid + "), 4490)";
    }

    /**
     * Refuses coordinates (in this CRS's axis order) that it cannot express, which PostGIS could not
     * transform: degrees beyond ±180/±90, Web Mercator beyond its square, or a Gauss-Krüger position
     * outside zone 39 (easting 250–750 km from the false origin, northing 0–6,000 km: all of China's
     * latitudes on the zone's meridians and a margin beyond them).
     */
    public void checkInDomain(String parameter, double min1, double min2, double max1, double max2) {
        double[] domain = switch (srid) {
            case 3857 -> new double[] { -20037508.35, -20037508.35, 20037508.35, 20037508.35 };
            case 4527 -> new double[] { 0, 39_250_000, 6_000_000, 39_750_000 };
            case 4548 -> new double[] { 0, 250_000, 6_000_000, 750_000 };
            default -> northFirst ? new double[] { -90, -180, 90, 180 } : new double[] { -180, -90, 180, 90 };
        };
        if (!(min1 >= domain[0] && max1 <= domain[2] && min2 >= domain[1] && max2 <= domain[3])) {
            throw new InvalidParameterException(parameter, "coordinates (" + min1 + ", " + min2 + ") to (" + max1 + ", "
                    + max2 + ") lie outside what " + uri + " can express: its axes in this order run from (" + domain[0]
                    + ", " + domain[1] + ") to (" + domain[2] + ", " + domain[3] + ")");
        }
    }

    public boolean geographic() {
        return srid == 4490 || srid == 4326;
    }

}
