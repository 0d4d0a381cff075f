package cn.hetu.system;

/**
 * A geometry that cannot go into the registry, with the reason and, where there is one, the spot
 * (longitude, latitude) where it fails, so the editor can show it on the map.
 */
public class GeometryProblem extends RuntimeException {

    private final String parameter;

    private final double[] location;

    public GeometryProblem(String message, double[] location) {
        this("geometry", message, location);
    }

    /** A problem with a geometry passed under another name than {@code geometry}. */
    public GeometryProblem(String parameter, String message, double[] location) {
        super(message);
        this.parameter = parameter;
        this.location = location;
    }

    public String parameter() {
        return parameter;
    }

    public double[] location() {
        return location;
    }

}
