package cn.hetu.system;

/** A request parameter that cannot be used as given; {@code parameter} names it for the client. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

}
