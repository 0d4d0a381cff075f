package cn.hetu.system;

/**
 * A geometry that cannot go into the registry, with the reason and, where there is one, the spot
 * (longitude, latitude) where it fails, so the editor can show it on the map.
 */
public class GeometryProblem extends ApiProblem {

    private final double[] location;

    public GeometryProblem(String message, double[] location) {
        this("geometry", message, location);
    }

    /** A problem with a geometry passed under another name than {@code geometry}. */
    public GeometryProblem(String parameter, String message, double[] location) {
        super(ErrorCode.INVALID_GEOMETRY, parameter, message);
        this.location = location;
        with("location", location);
    }

    public double[] location() {
        return location;
    }

}
