package cn.hetu.system;

/** A request parameter that cannot be used as given; {@code parameter} names it for the client. */
public class InvalidParameterException extends ApiProblem {

    public InvalidParameterException(String parameter, String message) {
        this(ErrorCode.INVALID_PARAMETER, parameter, message);
    }

    /** A parameter refused with a finer code, e.g. {@link ErrorCode#INVALID_FILTER}. */
    public InvalidParameterException(ErrorCode code, String parameter, String message) {
        super(code, parameter, message);
    }

}
