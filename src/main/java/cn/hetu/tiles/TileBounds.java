package cn.hetu.tiles;

/**
 * A tile's area in longitude and latitude, widened by the buffer the tile SQL draws beyond each
 * edge, so that it answers whether a change in a lon/lat box can show in the tile.
 */
record TileBounds(double west, double south, double east, double north) {

    static TileBounds of(Tile tile) {
        double tiles = 1 << tile.z();
        double margin = (double) TileSql.BUFFER / TileSql.EXTENT;
        return new TileBounds(lon((tile.x() - margin) / tiles), lat((tile.y() + 1 + margin) / tiles),
                lon((tile.x() + 1 + margin) / tiles), lat((tile.y() - margin) / tiles));
    }

    boolean meets(double otherWest, double otherSouth, double otherEast, double otherNorth) {
        return otherWest <= east && otherEast >= west && otherSouth <= north && otherNorth >= south;
    }

    /** Longitude of a fraction of the grid's width from its west edge. */
    private static double lon(double fraction) {
        return fraction * 360 - 180;
    }

    /** Latitude of a fraction of the grid's height from its north edge (Web Mercator). */
    private static double lat(double fraction) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * fraction))));
    }

}
