package cn.hetu.cql2;

/** A filter that cannot be parsed or used, with where it fails. */
public class Cql2Exception extends RuntimeException {

    public Cql2Exception(String message) {
        super(message);
    }

}
