package cn.hetu.river;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.hetu.security.HetuUser;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.InvalidParameterException;

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

    /** A patrol of a type other than river is logged for a person with duties of that type (grids, assets). */
    void requireDuty(long chiefId, String patrolType) {
        if (!patrolType.equals(PatrolTypes.RIVER) && jdbc.sql("SELECT count(*) FROM patrol_duty WHERE chief_id = ? AND patrol_type = ?")
            .params(chiefId, patrolType).query(Long.class).single() == 0) {
            throw new InvalidParameterException("patrolType", "Field worker " + chiefId + " has no " + patrolType + " duties");
        }
    }

    /**
     * An issue is followed up by the office, by a chief in charge of its segment, or by a field worker with a
     * duty of its type on its grid or asset.
     */
    void requireIssueFollowUp(Issues.Issue issue) {
        HetuUser user = access.requireUser();
        if (access.isRiverOffice(user)) {
            return;
        }
        boolean inCharge = ownChief().map(chief -> jdbc.sql("""
                SELECT count(*) FROM chief_assignment WHERE chief_id = :chief AND collection = :segments AND asset_id = :segment
                UNION ALL
                SELECT count(*) FROM patrol_duty WHERE chief_id = :chief AND patrol_type = :type AND collection = :assets
                                                   AND asset_id = :asset""")
            .param("chief", chief)
            .param("segments", issue.segmentCollection())
            .param("segment", issue.segmentId())
            .param("type", issue.patrolType())
            .param("assets", issue.assetCollection())
            .param("asset", issue.assetId())
            .query(Long.class)
            .list()
            .stream()
            .anyMatch(count -> count > 0)).orElse(false);
        if (!inCharge) {
            throw new AccessDeniedException(user.username() + " is not in charge of this issue's segment, grid or asset");
        }
    }

    /** Photos of an issue are added by whoever reported it, or by those who follow it up. */
    void requirePhotoUpload(Issues.Issue issue) {
        if (!access.requireUser().username().equals(issue.reportedBy())) {
            requireIssueFollowUp(issue);
        }
    }

}
