package cn.hetu.river;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.hetu.security.HetuUser;
import cn.hetu.security.LayerAccess;

/**
 * Who acts in the river chief system. Who reads, reports and runs the office is decided by
 * {@link LayerAccess}; here only what hangs on the chief's own record: a river chief logs their own
 * patrols and follows up the issues on the segments in their charge.
 */
@Component
class RiverAccess {

    private final JdbcClient jdbc;

    private final LayerAccess access;

    RiverAccess(JdbcClient jdbc, LayerAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** The reader of patrols, issues and bulletins, or 401/403. */
    HetuUser requireReader() {
        access.readable("patrol_issue");
        return access.requireUser();
    }

    /** The rows of patrols or issues (aliased {@code alias}) the reader reads; see {@link LayerAccess#rows}. */
    LayerAccess.RowScope rows(String collection, String alias) {
        return access.rows(access.readable(collection), alias);
    }

    /** Who reports issues and logs patrols (not viewers), or 401/403. */
    HetuUser requireReporter() {
        return access.requireRiverReporter();
    }

    void requireOffice() {
        access.requireRiverOffice();
    }

    /** The chief whose account is signed in, if any. */
    Optional<Long> ownChief() {
        HetuUser user = access.requireUser();
        return jdbc.sql("SELECT id FROM river_chief WHERE account_id = ?").param(user.id()).query(Long.class).optional();
    }

    /** A patrol for this chief may be logged by the chief themselves or by the office. */
    void requirePatrolFor(long chiefId) {
        HetuUser user = access.requireUser();
        if (!access.isRiverOffice(user) && !ownChief().map(own -> own == chiefId).orElse(false)) {
            throw new AccessDeniedException(user.username() + " may only log their own patrols");
        }
    }

    /** An issue is followed up by the office or by a chief in charge of its segment. */
    void requireIssueFollowUp(String collection, Long segmentId) {
        HetuUser user = access.requireUser();
        if (access.isRiverOffice(user)) {
            return;
        }
        boolean inCharge = segmentId != null && ownChief().map(chief -> jdbc.sql("""
                SELECT count(*) FROM chief_assignment WHERE chief_id = ? AND collection = ? AND asset_id = ?""")
            .params(chief, collection, segmentId)
            .query(Long.class)
            .single() > 0).orElse(false);
        if (!inCharge) {
            throw new AccessDeniedException(user.username() + " is not in charge of this issue's segment");
        }
    }

    /** Photos of an issue are added by whoever reported it, the office, or a chief in charge of its segment. */
    void requirePhotoUpload(String reportedBy, String collection, Long segmentId) {
        if (!access.requireUser().username().equals(reportedBy)) {
            requireIssueFollowUp(collection, segmentId);
        }
    }

}
