package cn.hetu.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import tools.jackson.databind.ObjectMapper;

import cn.hetu.export.GdalCommand;

/**
 * Import jobs: a row each in {@code import_job} (so a restart finds the unfinished ones and marks
 * them failed), the running ones in memory with their progress, their GDAL process or database
 * backend, so they can be cancelled. Work runs on two background threads with the requesting
 * user's security context.
 */
@Component
class ImportJobs {

    /** A job as the API shows it. */
    record JobView(UUID id, String state, Integer progress, String username, String fileName, String target,
            @JsonRawValue String newLayer, @JsonRawValue String source, @JsonRawValue String report,
            @JsonRawValue String result, String error, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** What runs now for a job, so it can be watched and stopped. */
    static final class Running {

        volatile int progress;

        volatile boolean cancelled;

        volatile Integer backend;

        volatile GdalCommand command;

    }

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final JdbcClient jdbc;

    private final ObjectMapper json;

    private final Staging staging;

    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "hetu-import");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<UUID, Running> running = new ConcurrentHashMap<>();

    ImportJobs(JdbcClient jdbc, ObjectMapper json, Staging staging) {
        this.jdbc = jdbc;
        this.json = json;
        this.staging = staging;
        failInterrupted();
    }

    /** Jobs a stopped server left unfinished: their transaction never committed, so nothing was written. */
    void failInterrupted() {
        List<UUID> stale = jdbc.sql("""
                UPDATE import_job SET state = 'failed', updated_at = now(),
                       error = 'Hetu stopped while the import ran; nothing was written'
                WHERE state IN ('loading', 'committing') RETURNING id""")
            .query(UUID.class)
            .list();
        stale.forEach(staging::drop);
    }

    /** Checked imports nobody committed within a day give their staging tables back. */
    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS)
    void expireAbandoned() {
        jdbc.sql("""
                UPDATE import_job SET state = 'cancelled', updated_at = now(),
                       error = 'Not committed within a day; nothing was written'
                WHERE state = 'ready' AND updated_at < now() - interval '1 day' RETURNING id""")
            .query(UUID.class)
            .list()
            .forEach(staging::drop);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    void create(UUID id, String username, String fileName, String target, Object newLayer, Object source) {
        jdbc.sql("""
                INSERT INTO import_job (id, username, file_name, target, new_layer, state, source)
                VALUES (?, ?, ?, ?, ?::jsonb, 'loading', ?::jsonb)""")
            .params(id, username, fileName, target, newLayer == null ? null : write(newLayer), write(source))
            .update();
    }

    Optional<JobView> find(UUID id) {
        return jdbc.sql("""
                SELECT id, state, username, file_name, target, new_layer::text, source::text, report::text, result::text,
                       error, created_at, updated_at FROM import_job WHERE id = ?""")
            .param(id)
            .query((rs, n) -> view(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                    rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class)))
            .optional();
    }

    List<JobView> recent(String username) {
        return jdbc.sql("""
                SELECT id, state, username, file_name, target, new_layer::text, source::text, result::text, error,
                       created_at, updated_at FROM import_job WHERE ?::text IS NULL OR username = ?
                ORDER BY created_at DESC LIMIT 50""")
            .params(username, username)
            .query((rs, n) -> view(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), null, rs.getString(8), rs.getString(9),
                    rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class)))
            .list();
    }

    private JobView view(UUID id, String state, String username, String fileName, String target, String newLayer,
            String source, String report, String result, String error, OffsetDateTime created, OffsetDateTime updated) {
        Running now = running.get(id);
        Integer progress = now != null ? Integer.valueOf(now.progress)
                : state.equals("ready") || state.equals("committed") ? Integer.valueOf(100) : null;
        return new JobView(id, state, progress, username, fileName, target, newLayer, source, report, result, error,
                created, updated);
    }

    /** Moves a job from one state to the next, only if it is still in the state expected. */
    boolean transition(UUID id, String from, String to) {
        return jdbc.sql("UPDATE import_job SET state = ?, updated_at = now() WHERE id = ? AND state = ?")
            .params(to, id, from)
            .update() == 1;
    }

    void finish(UUID id, String state, Object report, Object result, String error) {
        jdbc.sql("""
                UPDATE import_job SET state = ?, report = COALESCE(?::jsonb, report), result = COALESCE(?::jsonb, result),
                       error = ?, updated_at = now() WHERE id = ?""")
            .params(state, report == null ? null : write(report), result == null ? null : write(result), error, id)
            .update();
    }

    void saveReport(UUID id, Object report) {
        jdbc.sql("UPDATE import_job SET report = ?::jsonb, updated_at = now() WHERE id = ?").params(write(report), id).update();
    }

    /** Runs work for a job in the background, as the user who asked for it. */
    Running submit(UUID id, JobWork work) {
        Running now = new Running();
        running.put(id, now);
        workers.submit(new DelegatingSecurityContextRunnable(() -> {
            try {
                work.run(now);
            }
            catch (RuntimeException e) {
                log.error("Import {} failed", id, e);
                finish(id, now.cancelled ? "cancelled" : "failed", null, null,
                        now.cancelled ? "Cancelled; nothing was written" : "Failed; nothing was written: " + e.getMessage());
                staging.drop(id);
            }
            finally {
                running.remove(id);
            }
        }));
        return now;
    }

    /** Stops a running job: its GDAL process, or its transaction by cancelling the backend's statement. */
    boolean cancel(UUID id) {
        Running now = running.get(id);
        if (now == null) {
            return false;
        }
        now.cancelled = true;
        GdalCommand command = now.command;
        if (command != null) {
            command.stop();
        }
        Integer backend = now.backend;
        if (backend != null) {
            jdbc.sql("SELECT pg_cancel_backend(?)").param(backend).query().singleRow();
        }
        return true;
    }

    void delete(UUID id) {
        staging.drop(id);
        jdbc.sql("DELETE FROM import_job WHERE id = ?").param(id).update();
    }

    String write(Object value) {
        return json.writeValueAsString(value);
    }

    <T> T read(String text, Class<T> type) {
        return json.readValue(text, type);
    }

    /** Work done for a job on a background thread. */
    interface JobWork {

        void run(Running running);

    }

}
