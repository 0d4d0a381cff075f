package cn.hetu.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /** The CRSs every county is served in; a county adds its Gauss-Krüger zones ({@link #offered}). */
    public static final List<Crs> WORLDWIDE = List.of(CRS84, new Crs(EPSG + "4326", 4326, true, 7), CGCS2000,
            new Crs(EPSG + "3857", 3857, false, 2));

    /** EPSG codes of the CGCS2000 3-degree Gauss-Krüger zones 25-45 (75°E-135°E), with the zone number in X. */
    private static final int GK_WITH_ZONE = 4513;

    /** The same zones without the zone number in X ("CM 75E" to "CM 135E"). */
    private static final int GK_WITHOUT_ZONE = 4534;

    private static final int FIRST_ZONE = 25;

    private static final int LAST_ZONE = 45;

    /** The CRSs offered for a county: the worldwide ones and its CGCS2000 3-degree zones, each with and without the zone number. */
    public static List<Crs> offered(List<Integer> gkZones) {
        List<Crs> crss = new ArrayList<>(WORLDWIDE);
        gkZones.forEach(zone -> crss.addAll(gaussKruger(zone)));
        return List.copyOf(crss);
    }

    /** A CGCS2000 3-degree Gauss-Krüger zone (25-45), with the zone number in X and without it. */
    public static List<Crs> gaussKruger(int zone) {
        if (zone < FIRST_ZONE || zone > LAST_ZONE) {
            throw new IllegalArgumentException("CGCS2000 3-degree zones run from " + FIRST_ZONE + " to " + LAST_ZONE);
        }
        return List.of(new Crs(EPSG + (GK_WITH_ZONE + zone - FIRST_ZONE), GK_WITH_ZONE + zone - FIRST_ZONE, true, 3),
                new Crs(EPSG + (GK_WITHOUT_ZONE + zone - FIRST_ZONE), GK_WITHOUT_ZONE + zone - FIRST_ZONE, true, 3));
    }

    /** EPSG code of a zone without the zone number in X, the form survey files without a .prj mostly use. */
    public static int gaussKrugerWithoutZoneNumber(int zone) {
        return gaussKruger(zone).get(1).srid();
    }

    /**
     * Accepts the URI form and the short forms {@code EPSG:4490} and {@code [EPSG:4490]}: a worldwide CRS or
     * any CGCS2000 3-degree Gauss-Krüger zone (a county's neighbour's zone is as good a way to ask as its own).
     */
    public static Crs parse(String parameter, String value) {
        if (value == null) {
            return CRS84;
        }
        String text = value.trim().replaceAll("^\\[|\\]$", "");
        String uri = text.matches("(?i)EPSG:\\d+") ? EPSG + text.substring(5) : text.equalsIgnoreCase("OGC:CRS84") ? CRS84_URI : text;
        return WORLDWIDE.stream()
            .filter(crs -> crs.uri().equals(uri))
            .findFirst()
            .or(() -> gaussKrugerZone(uri))
            .orElseThrow(() -> new InvalidParameterException(parameter, "CRS '" + value + "' is not offered; use one of "
                    + WORLDWIDE.stream().map(Crs::uri).toList() + " or a CGCS2000 3-degree Gauss-Krüger zone, " + EPSG
                    + GK_WITH_ZONE + " to " + EPSG + (GK_WITHOUT_ZONE + LAST_ZONE - FIRST_ZONE)));
    }

    private static Optional<Crs> gaussKrugerZone(String uri) {
        if (!uri.matches(java.util.regex.Pattern.quote(EPSG) + "\\d{4}")) {
            return Optional.empty();
        }
        int srid = Integer.parseInt(uri.substring(EPSG.length()));
        int zone = srid >= GK_WITHOUT_ZONE ? srid - GK_WITHOUT_ZONE + FIRST_ZONE : srid - GK_WITH_ZONE + FIRST_ZONE;
        return zone >= FIRST_ZONE && zone <= LAST_ZONE
                ? gaussKruger(zone).stream().filter(crs -> crs.srid() == srid).findFirst() : Optional.empty();
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
     * outside its zone (easting 250–750 km from the false origin, northing 0–6,000 km: all of China's
     * latitudes on the zone's meridians and a margin beyond them).
     */
    public void checkInDomain(String parameter, double min1, double min2, double max1, double max2) {
        double[] domain = domain();
        if (!(min1 >= domain[0] && max1 <= domain[2] && min2 >= domain[1] && max2 <= domain[3])) {
            throw new InvalidParameterException(parameter, "coordinates (" + min1 + ", " + min2 + ") to (" + max1 + ", "
                    + max2 + ") lie outside what " + uri + " can express: its axes in this order run from (" + domain[0]
                    + ", " + domain[1] + ") to (" + domain[2] + ", " + domain[3] + ")");
        }
    }

    private double[] domain() {
        if (srid == 3857) {
            return new double[] { -20037508.35, -20037508.35, 20037508.35, 20037508.35 };
        }
        if (srid >= GK_WITHOUT_ZONE) {
            return new double[] { 0, 250_000, 6_000_000, 750_000 };
        }
        if (srid >= GK_WITH_ZONE) {
            double falseEasting = (srid - GK_WITH_ZONE + FIRST_ZONE) * 1_000_000.0;
            return new double[] { 0, falseEasting + 250_000, 6_000_000, falseEasting + 750_000 };
        }
        return northFirst ? new double[] { -90, -180, 90, 180 } : new double[] { -180, -90, 180, 90 };
    }

    public boolean geographic() {
        return srid == 4490 || srid == 4326;
    }

}
