package cn.hetu.river;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.hetu.audit.Actor;
import cn.hetu.system.ErrorCode;
import cn.hetu.county.County;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;
import cn.hetu.system.Refusal;

/**
 * Photos of an issue: 'before' as found, 'after' as rectified. The client may name a photo with its
 * own UUID so that a retried upload finds it there. What the EXIF says is compared with the report:
 * a photo taken within {@link #EVIDENCE_REACH_M} and {@link #EVIDENCE_WINDOW_MINUTES} of it is
 * evidence that it shows the place and time reported.
 */
@Component
class Photos {

    static final Set<String> KINDS = Set.of("before", "after");

    static final int MAX_PER_ISSUE = 9;

    static final double EVIDENCE_REACH_M = 200;

    static final long EVIDENCE_WINDOW_MINUTES = 24 * 60;

    /** Nulls are part of the answer here: no EXIF position is worth saying. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Photo(UUID id, UUID issueId, String kind, String contentType, int bytes, int width, int height, Instant takenAt,
            Double exifLon, Double exifLat, Double distanceFromReportM, Long minutesFromReport, Boolean evidenceMatches,
            String url, String thumbnailUrl, Instant uploadedAt, String uploadedBy) {
    }

    record Upload(UUID id, String kind, byte[] file) {
    }

    /** What a GET of the file needs: its type, and the issue whose readers may see it. */
    record Stored(UUID id, UUID issueId, String contentType) {
    }

    private static final String SELECT = """
            SELECT p.id, p.issue_id, p.kind, p.content_type, p.bytes, p.width, p.height, p.taken_at, p.exif_lon, p.exif_lat,
                   CASE WHEN p.exif_lon IS NOT NULL THEN
                       ST_Distance(ST_SetSRID(ST_MakePoint(p.exif_lon, p.exif_lat), 4490)::geography, i.geom::geography) END,
                   round(extract(epoch FROM p.taken_at - i.reported_at) / 60)::bigint,
                   p.uploaded_at, p.uploaded_by
            FROM issue_photo p JOIN patrol_issue i ON i.id = p.issue_id
            """;

    private final JdbcClient jdbc;

    private final PhotoFiles files;

    private final Actor actor;

    private final County county;

    Photos(JdbcClient jdbc, PhotoFiles files, Actor actor, County county) {
        this.county = county;
        this.jdbc = jdbc;
        this.files = files;
        this.actor = actor;
    }

    /** Stores the photo unless a photo with its id is there already; true when it is new. */
    @Transactional
    boolean upload(UUID issueId, Upload upload) {
        if (!KINDS.contains(upload.kind())) {
            throw new InvalidParameterException("kind", "kind is before or after, not '" + upload.kind() + "'");
        }
        // Uploads to one issue wait for each other (the count below holds), and so do uploads of one photo id
        // (the file on disk is always the one its row describes).
        jdbc.sql("SELECT id FROM patrol_issue WHERE id = ? FOR UPDATE").param(issueId).query().listOfRows();
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?::text))").param(upload.id()).query().listOfRows();
        Optional<UUID> existing = jdbc.sql("SELECT issue_id FROM issue_photo WHERE id = ?")
            .param(upload.id())
            .query(UUID.class)
            .optional();
        if (existing.isPresent()) {
            if (!existing.get().equals(issueId)) {
                throw new InvalidParameterException("id", "Photo " + upload.id() + " belongs to another issue");
            }
            return false;
        }
        int count = jdbc.sql("SELECT count(*) FROM issue_photo WHERE issue_id = ?").param(issueId).query(Integer.class).single();
        if (count >= MAX_PER_ISSUE) {
            throw new Refusal(ErrorCode.NOT_POSSIBLE, "An issue has at most " + MAX_PER_ISSUE + " photos; this one has " + count, "file");
        }
        PhotoImage.Checked checked = PhotoImage.check(upload.file(), county.timeZone());
        files.write(upload.id(), checked.photo(), checked.thumbnail());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    files.delete(upload.id());
                }
            }
        });
        actor.stamp();
        Exif exif = checked.exif();
        jdbc.sql("""
                INSERT INTO issue_photo (id, issue_id, kind, content_type, bytes, width, height, taken_at, exif_lon, exif_lat,
                                         uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, acting_user())""")
            .params(upload.id(), issueId, upload.kind(), checked.contentType(), checked.photo().length, checked.width(),
                    checked.height(), exif.takenAt() == null ? null : Timestamp.from(exif.takenAt()), exif.lon(), exif.lat())
            .update();
        return true;
    }

    List<Photo> ofIssue(UUID issueId) {
        return jdbc.sql(SELECT + " WHERE p.issue_id = ? ORDER BY p.uploaded_at, p.id")
            .param(issueId)
            .query((rs, n) -> photo(rs))
            .list();
    }

    Photo photo(UUID id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?")
            .param(id)
            .query((rs, n) -> photo(rs))
            .optional()
            .orElseThrow(() -> new NotFoundException("Photo " + id + " does not exist"));
    }

    Stored stored(UUID id) {
        return jdbc.sql("SELECT id, issue_id, content_type FROM issue_photo WHERE id = ?")
            .param(id)
            .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
            .optional()
            .orElseThrow(() -> new NotFoundException("Photo " + id + " does not exist"));
    }

    byte[] bytes(UUID id, boolean thumbnail) {
        Path path = thumbnail ? files.thumbnail(id) : files.photo(id);
        try {
            return Files.readAllBytes(path);
        }
        catch (NoSuchFileException e) {
            throw new NotFoundException("The file of photo " + id + " is missing from the photo directory");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int afterPhotos(UUID issueId) {
        return jdbc.sql("SELECT count(*) FROM issue_photo WHERE issue_id = ? AND kind = 'after'")
            .param(issueId)
            .query(Integer.class)
            .single();
    }

    private static Photo photo(ResultSet rs) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        Double distance = (Double) rs.getObject(11);
        Long minutes = (Long) rs.getObject(12);
        return new Photo(id, rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
                rs.getInt(7), instant(rs.getTimestamp(8)), (Double) rs.getObject(9), (Double) rs.getObject(10),
                distance == null ? null : Math.round(distance * 10) / 10.0, minutes, evidence(distance, minutes),
                "/api/v1/photos/" + id, "/api/v1/photos/" + id + "/thumbnail", instant(rs.getTimestamp(13)),
                rs.getString(14));
    }

    /** False when what is known is too far or too long from the report, true when both are near, null when unknown. */
    private static Boolean evidence(Double distanceM, Long minutes) {
        boolean far = distanceM != null && distanceM > EVIDENCE_REACH_M;
        boolean late = minutes != null && Math.abs(minutes) > EVIDENCE_WINDOW_MINUTES;
        if (far || late) {
            return false;
        }
        return distanceM != null && minutes != null ? Boolean.TRUE : null;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
