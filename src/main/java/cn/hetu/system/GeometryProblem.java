package cn.hetu.system;

import java.util.Locale;

import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * A geometry that cannot go into the registry, with the reason, the kind of fault ({@code fault}, so
 * the editor tells it in the user's language) and, where there is one, the spot (longitude, latitude)
 * where it fails, so the editor can show it on the map.
 */
public class GeometryProblem extends ApiProblem {

    /** The kinds of fault a client tells apart; written in the body in lower case. */
    public enum Fault {
        SELF_INTERSECTION, OUTSIDE, WRONG_TYPE, TOO_MANY_VERTICES, TOO_FEW, RINGS, COORDINATES, INVALID;

        /** The fault JTS's validity check found. */
        public static Fault of(TopologyValidationError error) {
            return switch (error.getErrorType()) {
                case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION -> SELF_INTERSECTION;
                case TopologyValidationError.TOO_FEW_POINTS, TopologyValidationError.RING_NOT_CLOSED -> TOO_FEW;
                case TopologyValidationError.INVALID_COORDINATE -> COORDINATES;
                case TopologyValidationError.HOLE_OUTSIDE_SHELL, TopologyValidationError.NESTED_HOLES,
                        TopologyValidationError.DISCONNECTED_INTERIOR, TopologyValidationError.NESTED_SHELLS,
                        TopologyValidationError.DUPLICATE_RINGS -> RINGS;
                default -> INVALID;
            };
        }
    }

    private final double[] location;

    public GeometryProblem(String message, double[] location) {
        this("geometry", Fault.INVALID, message, location);
    }

    /** A problem with a geometry passed under another name than {@code geometry}. */
    public GeometryProblem(String parameter, String message, double[] location) {
        this(parameter, Fault.INVALID, message, location);
    }

    public GeometryProblem(Fault fault, String message, double[] location) {
        this("geometry", fault, message, location);
    }

    public GeometryProblem(String parameter, Fault fault, String message, double[] location) {
        super(ErrorCode.INVALID_GEOMETRY, parameter, message);
        this.location = location;
        with("fault", fault.name().toLowerCase(Locale.ROOT));
        with("location", location);
    }

    public double[] location() {
        return location;
    }

}
