package cn.hetu.land;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.audit.Actor;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.NotFoundException;
import cn.hetu.system.Refusal;
import cn.hetu.system.UploadedDocuments;

/**
 * The responsibility letters (耕地保护目标责任书) attached to a town's farmland task: scanned PDFs or photos,
 * stored in the database beside the task (as a plan report's evidence is). Everyone signed in reads them;
 * whoever may change the farmland layer attaches and removes them.
 */
@Component
class FarmlandLetters {

    /** Letters are scans: 20 MB is plenty and keeps a row's bytes reasonable. */
    static final int MAX_BYTES = 20 * 1024 * 1024;

    record Letter(long id, long taskId, String name, String contentType, int sizeBytes, String uploadedBy, Instant uploadedAt) {
    }

    record File(String name, String contentType, byte[] content) {
    }

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final Actor actor;

    FarmlandLetters(JdbcClient jdbc, LayerAccess access, Actor actor) {
        this.jdbc = jdbc;
        this.access = access;
        this.actor = actor;
    }

    Map<Long, List<Letter>> ofYear(int year) {
        return jdbc.sql("""
                SELECT l.id, l.task_id, l.name, l.content_type, l.size_bytes, l.uploaded_by, l.uploaded_at
                FROM farmland_letter l JOIN farmland_task t ON t.id = l.task_id WHERE t.year = ? ORDER BY l.id""")
            .param(year)
            .query(Letter.class)
            .list()
            .stream()
            .collect(Collectors.groupingBy(Letter::taskId));
    }

    @Transactional
    Letter attach(long taskId, File file) {
        access.checkLayerEdit(access.readable(FarmlandTasks.FARMLAND));
        actor.stamp();
        if (file.content().length > MAX_BYTES) {
            throw new Refusal(HttpStatus.CONTENT_TOO_LARGE, "Letter too large",
                    "A responsibility letter is at most 20 MB", "file");
        }
        UploadedDocuments.check(file.contentType(), file.content(), "file");
        long id = jdbc.sql("""
                INSERT INTO farmland_letter (task_id, name, content_type, size_bytes) VALUES (?, ?, ?, ?) RETURNING id""")
            .params(taskId, file.name(), file.contentType(), file.content().length)
            .query(Long.class)
            .single();
        jdbc.sql("INSERT INTO farmland_letter_file (letter_id, content) VALUES (?, ?)").params(id, file.content()).update();
        return jdbc.sql("""
                SELECT id, task_id, name, content_type, size_bytes, uploaded_by, uploaded_at FROM farmland_letter WHERE id = ?""")
            .param(id)
            .query(Letter.class)
            .single();
    }

    File file(long id) {
        access.readable(FarmlandTasks.FARMLAND);
        return jdbc.sql("""
                SELECT l.name, l.content_type, f.content FROM farmland_letter l JOIN farmland_letter_file f ON f.letter_id = l.id
                WHERE l.id = ?""")
            .param(id)
            .query(File.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("Responsibility letter " + id + " does not exist"));
    }

    @Transactional
    void remove(long id) {
        access.checkLayerEdit(access.readable(FarmlandTasks.FARMLAND));
        actor.stamp();
        if (jdbc.sql("DELETE FROM farmland_letter WHERE id = ?").param(id).update() == 0) {
            throw new NotFoundException("Responsibility letter " + id + " does not exist");
        }
    }

}
