package cn.hetu.query;

import java.util.List;

import cn.hetu.geo.Crs;

/** A bounding box in the axis order of its CRS: lower and upper values of the first and second axis. */
public record Bbox(double min1, double min2, double max1, double max2) {

    /**
     * This box as boxes that do not cross the antimeridian: itself, or (in degrees, with its west edge east
     * of its east edge) its parts west and east of 180°.
     */
    List<Bbox> splitAtAntimeridian(Crs crs) {
        if (!crs.geographic()) {
            return List.of(this);
        }
        boolean longitudeFirst = !crs.northFirst();
        double west = longitudeFirst ? min1 : min2;
        double east = longitudeFirst ? max1 : max2;
        if (west <= east) {
            return List.of(this);
        }
        return List.of(withLongitudes(west, 180, longitudeFirst), withLongitudes(-180, east, longitudeFirst));
    }

    private Bbox withLongitudes(double west, double east, boolean longitudeFirst) {
        return longitudeFirst ? new Bbox(west, min2, east, max2) : new Bbox(min1, west, max1, east);
    }

}
