package cn.hetu.catalog;

import java.util.List;

/** An SQL condition and its bind values ({@code ?} in order), as {@link Conditions} builds it. */
public record Condition(String sql, List<Object> args) {

    public static final Condition ALL = new Condition("true", List.of());

}
