package cn.hetu.imports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.hetu.geo.Crs;
import cn.hetu.system.InvalidParameterException;

/**
 * The CRS a file's coordinates are in: the user's choice, what the file says (a .prj, a
 * GeoPackage's srs), or a guess from the coordinates' magnitudes for files that say nothing.
 *
 * @param sourceSrs what ogr2ogr gets as {@code -s_srs}; null when the file's own CRS is used
 * @param epsg the EPSG code when known
 * @param origin "override", "file" or "guessed"
 * @param falseEasting of a projected CRS: with the zone number in front (39500000) or without (500000)
 */
record SourceCrs(String sourceSrs, Integer epsg, String name, String origin, Double falseEasting) {

    private static final Pattern TOP_LEVEL_ID = Pattern.compile("ID\\[\"EPSG\",(\\d+)\\]\\]\\s*$");

    private static final Pattern NAME = Pattern.compile("^\\w+\\[\"([^\"]*)\"");

    private static final Pattern FALSE_EASTING = Pattern.compile("PARAMETER\\[\"False[ _]easting\",([-\\d.]+)",
            Pattern.CASE_INSENSITIVE);

    static SourceCrs override(String text) {
        String code = text.trim().replaceFirst("(?i)^EPSG:", "");
        if (!code.matches("\\d{4,5}")) {
            throw new InvalidParameterException("crs", "crs is an EPSG code such as EPSG:4527, not '" + text + "'");
        }
        return new SourceCrs("EPSG:" + code, Integer.valueOf(code), "EPSG:" + code, "override", null);
    }

    static SourceCrs fromFile(String wkt) {
        Matcher id = TOP_LEVEL_ID.matcher(wkt);
        Matcher name = NAME.matcher(wkt);
        Matcher easting = FALSE_EASTING.matcher(wkt);
        return new SourceCrs(null, id.find() ? Integer.valueOf(id.group(1)) : null, name.find() ? name.group(1) : "",
                "file", easting.find() ? Double.valueOf(easting.group(1)) : null);
    }

    /**
     * A guess for a file without a CRS, from its extent: degrees are CGCS2000 longitude and latitude;
     * an eight-digit X starting with the zone number is a 3-degree zone with the number (4513-4533);
     * a six-digit X is the county's main zone without it ({@code countyZone}); seven- and eight-digit metres near
     * 13,000,000 are Web Mercator. Xi'an 1980 and Beijing 1954 are never guessed: only a .prj says so.
     */
    static SourceCrs guess(double[] extent, int countyZone) {
        if (extent == null) {
            return null;
        }
        double minX = extent[0];
        double maxX = extent[2];
        double minY = extent[1];
        double maxY = extent[3];
        if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) {
            return guessed(4490, "CGCS2000 (longitude, latitude)", null);
        }
        boolean northing = minY >= 1_000_000 && maxY <= 6_000_000;
        int zone = (int) (minX / 1_000_000);
        if (northing && zone >= 25 && zone <= 45 && zone == (int) (maxX / 1_000_000)) {
            return guessed(4513 + zone - 25, "CGCS2000 3-degree Gauss-Kruger zone " + zone, zone * 1_000_000 + 500_000.0);
        }
        if (northing && minX >= 0 && maxX < 1_000_000) {
            return guessed(Crs.gaussKrugerWithoutZoneNumber(countyZone), "CGCS2000 3-degree Gauss-Kruger CM " + countyZone * 3 + "E",
                    500_000.0);
        }
        if (minX >= 8_000_000 && maxX <= 15_100_000 && minY >= 1_000_000 && maxY <= 7_100_000) {
            return guessed(3857, "WGS 84 / Pseudo-Mercator", null);
        }
        return null;
    }

    private static SourceCrs guessed(int epsg, String name, Double falseEasting) {
        return new SourceCrs("EPSG:" + epsg, epsg, name, "guessed", falseEasting);
    }

}
