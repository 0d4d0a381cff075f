package cn.hetu.catalog;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a collection's fields are shown where their SQL type does not say enough (table {@code field_display}, migration
 * V101): a kind such as a length, a year or money in 万元, and fields the registry writes itself. Read on every
 * request, so a collection an administrator adds is described at once.
 */
@Component
class FieldDisplay {

    /** A field's kind (null: follows its type) and whether only the registry writes it. */
    record Display(String kind, boolean readOnly) {

        static final Display NONE = new Display(null, false);

    }

    private final JdbcClient jdbc;

    FieldDisplay(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Display> of(Layer layer) {
        Map<String, Display> fields = new HashMap<>();
        jdbc.sql("SELECT field, kind, read_only FROM field_display WHERE collection = ?")
            .param(layer.id())
            .query(rs -> {
                fields.put(rs.getString(1), new Display(rs.getString(2), rs.getBoolean(3)));
            });
        return fields;
    }

}
