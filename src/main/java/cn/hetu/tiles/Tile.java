package cn.hetu.tiles;

import cn.hetu.system.InvalidParameterException;

/** One tile of the Web Mercator (EPSG:3857) XYZ grid: x counts from the west, y from the north. */
record Tile(int z, int x, int y) {

    static final int MAX_ZOOM = 22;

    /** The tile named by the path, or a 400 naming the first of z, x, y that is out of range. */
    static Tile parse(String z, String x, String y) {
        int zoom = number("z", z, MAX_ZOOM, "");
        int last = (1 << zoom) - 1;
        String atZoom = " at zoom " + zoom;
        return new Tile(zoom, number("x", x, last, atZoom), number("y", y, last, atZoom));
    }

    private static int number(String name, String text, int max, String atZoom) {
        long value = text.matches("\\d{1,9}") ? Long.parseLong(text) : -1;
        if (value < 0 || value > max) {
            throw new InvalidParameterException(name,
                    name + " must be a whole number from 0 to " + max + atZoom + ", got '" + text + "'");
        }
        return (int) value;
    }

}
