package cn.hetu.catalog;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The county's departments, which own layers, projects and editors. */
@Component
public class Departments {

    public record Department(String code, String nameZh, String nameEn) {
    }

    private final JdbcClient jdbc;

    Departments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Department> all() {
        return jdbc.sql("SELECT code, name_zh, name_en FROM department ORDER BY code")
            .query((rs, n) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3)))
            .list();
    }

    public boolean exists(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM department WHERE code = ?)").param(code).query(Boolean.class).single();
    }

}
