package cn.hetu.system;

/**
 * A geometry that cannot go into the registry, with the reason and, where there is one, the spot
 * (longitude, latitude) where it fails, so the editor can show it on the map.
 */
public class GeometryProblem extends RuntimeException {

    private final double[] location;

    public GeometryProblem(String message, double[] location) {
        super(message);
        this.location = location;
    }

    public double[] location() {
        return location;
    }

}
