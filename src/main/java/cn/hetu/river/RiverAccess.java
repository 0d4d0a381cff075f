package cn.hetu.river;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.hetu.security.HetuUser;
import cn.hetu.security.LayerAccess;
import cn.hetu.security.Role;

/**
 * Who acts in the river chief system: the water bureau's office (administrators and water
 * editors) manages chiefs and issues; a river chief logs their own patrols and follows up the
 * issues on the segments in their charge.
 */
@Component
class RiverAccess {

    private final JdbcClient jdbc;

    private final LayerAccess access;

    RiverAccess(JdbcClient jdbc, LayerAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * Which issues a reader sees: all of them, or (a river chief who is nothing more) those on the
     * segments in their charge and those they reported.
     */
    record Scope(boolean all, Long ownChief, String username) {
    }

    /** The reader of patrols, issues and bulletins (see {@link LayerAccess#readsRiverRecords}), or 401/403. */
    HetuUser requireReader() {
        access.readable("patrol_issue");
        return access.requireUser();
    }

    Scope readerScope() {
        HetuUser user = requireReader();
        boolean all = user.has(Role.ADMIN) || user.has(Role.VIEWER) || isOffice(user);
        return new Scope(all, all ? null : ownChief().orElse(null), user.username());
    }

    boolean isOffice(HetuUser user) {
        return user.has(Role.ADMIN) || (user.has(Role.EDITOR) && "water".equals(user.department()));
    }

    void requireOffice() {
        HetuUser user = access.requireUser();
        if (!isOffice(user)) {
            throw new AccessDeniedException(user.username() + " is not in the water bureau's river chief office");
        }
    }

    /** The chief whose account is signed in, if any. */
    Optional<Long> ownChief() {
        HetuUser user = access.requireUser();
        return jdbc.sql("SELECT id FROM river_chief WHERE account_id = ?").param(user.id()).query(Long.class).optional();
    }

    /** A patrol for this chief may be logged by the chief themselves or by the office. */
    void requirePatrolFor(long chiefId) {
        HetuUser user = access.requireUser();
        if (!isOffice(user) && !ownChief().map(own -> own == chiefId).orElse(false)) {
            throw new AccessDeniedException(user.username() + " may only log their own patrols");
        }
    }

    /** An issue is followed up by the office or by a chief in charge of its segment. */
    void requireIssueFollowUp(String collection, Long segmentId) {
        HetuUser user = access.requireUser();
        if (isOffice(user)) {
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
