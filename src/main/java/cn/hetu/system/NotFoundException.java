package cn.hetu.system;

/** A collection, feature or other resource that the request names does not exist. */
public class NotFoundException extends ApiProblem {

    public NotFoundException(String message) {
        super(ErrorCode.NOT_FOUND, null, message);
    }

}
