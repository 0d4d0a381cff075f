package cn.hetu.system;

/** A status change the workflow does not allow from where the record stands (422, unlike a stale version's 409). */
public class IllegalTransitionException extends ApiProblem {

    public IllegalTransitionException(String message) {
        super(ErrorCode.ILLEGAL_TRANSITION, null, message);
    }

}
