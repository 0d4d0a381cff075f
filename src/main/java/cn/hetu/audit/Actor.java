package cn.hetu.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.security.LayerAccess;

/**
 * Names the signed-in user to the database for the current transaction, so the triggers that
 * stamp and audit every change record who made it. Call it first in every write transaction.
 */
@Component
public class Actor {

    private final JdbcClient jdbc;

    private final LayerAccess access;

    Actor(JdbcClient jdbc, LayerAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void stamp() {
        jdbc.sql("SELECT set_config('hetu.user', ?, true)").param(access.requireUser().username()).query().singleRow();
    }

}
