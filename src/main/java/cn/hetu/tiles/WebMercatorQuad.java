package cn.hetu.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one tile matrix set the tiles are cut in: OGC's WebMercatorQuad (OGC 17-083r4, annex D), the
 * XYZ grid of web maps, with the tile matrix identifiers 0 to {@link Tile#MAX_ZOOM}.
 */
final class WebMercatorQuad {

    static final String ID = "WebMercatorQuad";

    static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";

    static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";

    private static final double HALF_WORLD = 20037508.3427892;

    /** Scale denominator of zoom 0 at the standard 0.28 mm pixel. */
    private static final double SCALE_0 = 559082264.028717;

    private static final double CELL_SIZE_0 = 156543.033928041;

    private WebMercatorQuad() {
    }

    /**
     * The definition as TileMatrixSet 2.0 JSON, with the 1.0 names of the same members beside it: GDAL 3.6
     * (which QGIS 3.22 on Debian 12 uses) reads only those.
     */
    static Map<String, Object> definition() {
        List<Map<String, Object>> matrices = new ArrayList<>();
        for (int z = 0; z <= Tile.MAX_ZOOM; z++) {
            Map<String, Object> matrix = new LinkedHashMap<>();
            matrix.put("id", String.valueOf(z));
            matrix.put("identifier", String.valueOf(z));
            matrix.put("scaleDenominator", SCALE_0 / (1L << z));
            matrix.put("cellSize", CELL_SIZE_0 / (1L << z));
            matrix.put("cornerOfOrigin", "topLeft");
            matrix.put("pointOfOrigin", List.of(-HALF_WORLD, HALF_WORLD));
            matrix.put("topLeftCorner", List.of(-HALF_WORLD, HALF_WORLD));
            matrix.put("tileWidth", 256);
            matrix.put("tileHeight", 256);
            matrix.put("matrixWidth", 1L << z);
            matrix.put("matrixHeight", 1L << z);
            matrices.add(matrix);
        }
        Map<String, Object> tms = new LinkedHashMap<>();
        tms.put("type", "TileMatrixSetType");
        tms.put("id", ID);
        tms.put("identifier", ID);
        tms.put("title", "Google Maps Compatible for the World");
        tms.put("uri", URI);
        tms.put("crs", CRS);
        tms.put("supportedCRS", CRS);
        tms.put("boundingBox", Map.of("type", "BoundingBoxType", "crs", CRS, "lowerCorner", List.of(-HALF_WORLD, -HALF_WORLD),
                "upperCorner", List.of(HALF_WORLD, HALF_WORLD), "lowerLeft", List.of(-HALF_WORLD, -HALF_WORLD), "upperRight",
                List.of(HALF_WORLD, HALF_WORLD)));
        tms.put("orderedAxes", List.of("X", "Y"));
        tms.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
        tms.put("tileMatrices", matrices);
        return tms;
    }

    /**
     * For each zoom, the rows and columns of the tiles that a box in longitude and latitude (west, south,
     * east, north) touches, so that a client asks only for tiles that can hold features.
     */
    static List<Map<String, Object>> limits(double[] bounds) {
        List<Map<String, Object>> limits = new ArrayList<>();
        for (int z = 0; z <= Tile.MAX_ZOOM; z++) {
            Map<String, Object> limit = new LinkedHashMap<>();
            limit.put("tileMatrix", String.valueOf(z));
            limit.put("minTileRow", row(bounds[3], z));
            limit.put("maxTileRow", row(bounds[1], z));
            limit.put("minTileCol", column(bounds[0], z));
            limit.put("maxTileCol", column(bounds[2], z));
            limits.add(limit);
        }
        return limits;
    }

    private static int column(double longitude, int z) {
        return clamp(Math.floor((longitude + 180) / 360 * (1L << z)), z);
    }

    private static int row(double latitude, int z) {
        double radians = Math.toRadians(Math.max(-85.0511, Math.min(85.0511, latitude)));
        double y = (1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2;
        return clamp(Math.floor(y * (1L << z)), z);
    }

    private static int clamp(double index, int z) {
        return (int) Math.max(0, Math.min((1L << z) - 1, index));
    }

}
