package cn.hetu.parcel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonRawValue;

import cn.hetu.security.HetuUser;
import cn.hetu.security.LayerAccess;
import cn.hetu.security.Role;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

/**
 * Named parcel searches that every signed-in colleague can list and open by link; owners delete their own.
 * Since every colleague sees them, only those who may share anything (see {@link LayerAccess#requireContributor})
 * save them; viewers open them but save none.
 */
@Component
class SavedQueries {

    record Saved(long id, String name, String owner, @JsonRawValue String query, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    private final LayerAccess access;

    SavedQueries(JdbcClient jdbc, LayerAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    private static final String SELECT = "SELECT id, name, owner, query::text, created_at FROM saved_parcel_query";

    List<Saved> list() {
        access.readable("land_parcel");
        return jdbc.sql(SELECT + " ORDER BY id DESC").query(SavedQueries::saved).list();
    }

    Saved get(long id) {
        access.readable("land_parcel");
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(SavedQueries::saved).optional()
            .orElseThrow(() -> new NotFoundException("Saved query " + id + " does not exist"));
    }

    private static Saved saved(ResultSet rs, int row) throws SQLException {
        return new Saved(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant());
    }

    Saved save(String name, String query) {
        if (name == null || name.isBlank()) {
            throw new InvalidParameterException("name", "A saved query needs a name");
        }
        access.readable("land_parcel");
        HetuUser user = access.requireContributor();
        long id = jdbc.sql("INSERT INTO saved_parcel_query (name, owner, query) VALUES (?, ?, ?::jsonb) RETURNING id")
            .params(name.trim(), user.username(), query)
            .query(Long.class)
            .single();
        return get(id);
    }

    void delete(long id) {
        Saved saved = get(id);
        HetuUser user = access.requireUser();
        if (!saved.owner().equals(user.username()) && !user.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only " + saved.owner() + " or an administrator may delete this query");
        }
        jdbc.sql("DELETE FROM saved_parcel_query WHERE id = ?").param(id).update();
    }

}
