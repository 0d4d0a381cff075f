package cn.hetu.tiles;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Keeps the {@link TileCache} true to the database. Triggers record each statement's changed
 * area in {@code tile_change}; every tile request first looks at the rows it has not seen (one
 * small query, made together with the transaction's settings) and drops the tiles they touch. So
 * a change shows in the next tile anyone asks for, whether it came through this instance,
 * another one, an import or plain SQL.
 */
@Component
class TileChanges {

    /**
     * The first statement of a tile's read-only transaction: its settings, like SET LOCAL but
     * with a bind parameter — the statement timeout, and no parallel workers, whose start-up costs
     * a zoom 14 tile more than it saves (measured: 12-25 ms alone, 50-85 ms with two workers)
     * while a map asks for a dozen tiles at once —, then the oldest transaction still running and
     * the changes of transactions from the last look's oldest one on. Every older transaction had
     * ended by the last look, so their changes were seen then; the younger ones may have committed
     * since, in any order, which is why ids alone would not do.
     */
    static final String LOOK = """
            SELECT set_config('statement_timeout', ?, true), set_config('max_parallel_workers_per_gather', '0', true),
                   pg_snapshot_xmin(pg_current_snapshot())::text,
                   (SELECT json_agg(json_build_array(id, collection, west, south, east, north))
                    FROM tile_change WHERE xid >= COALESCE(?::xid8, pg_snapshot_xmin(pg_current_snapshot())))""";

    /**
     * How often rows are deleted once their transaction ended. An instance that has not looked
     * for this long may have missed deleted rows, so it forgets its tiles instead.
     */
    private static final long PRUNE_MINUTES = 10;

    private final JdbcClient jdbc;

    private final ObjectMapper json;

    private final TileCache cache;

    /** The oldest running transaction at the last look; null before the first. */
    private String since;

    /** Changes seen at the last look whose transactions were not older than {@link #since}. */
    private Set<Long> seen = Set.of();

    private Instant lastLook = Instant.MIN;

    /** Transactions older than this had ended at the previous prune, at least an interval ago. */
    private String pruneBefore;

    TileChanges(JdbcClient jdbc, ObjectMapper json, TileCache cache) {
        this.jdbc = jdbc;
        this.json = json;
        this.cache = cache;
    }

    /** Runs {@link #LOOK} in the caller's transaction and drops the tiles that changed since the last look. */
    void catchUp(Duration statementTimeout) {
        String[] look = jdbc.sql(LOOK)
            .params(statementTimeout.toMillis() + "ms", since())
            .query((rs, n) -> new String[] { rs.getString(3), rs.getString(4) })
            .single();
        apply(look[0], look[1] == null ? null : json.readTree(look[1]));
    }

    private synchronized String since() {
        return since;
    }

    private synchronized void apply(String xmin, JsonNode changes) {
        Instant now = Instant.now();
        if (lastLook.isBefore(now.minus(Duration.ofMinutes(PRUNE_MINUTES)))) {
            cache.clear();
        }
        Set<Long> ids = new HashSet<>();
        if (changes != null) {
            for (JsonNode change : changes) {
                long id = change.get(0).asLong();
                ids.add(id);
                if (!seen.contains(id)) {
                    cache.invalidate(change.get(1).asString(), change.get(2).asDouble(), change.get(3).asDouble(),
                            change.get(4).asDouble(), change.get(5).asDouble());
                }
            }
        }
        seen = ids;
        since = xmin;
        lastLook = now;
    }

    @Scheduled(fixedDelay = PRUNE_MINUTES, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void prune() {
        if (pruneBefore != null) {
            jdbc.sql("DELETE FROM tile_change WHERE xid < ?::xid8").param(pruneBefore).update();
        }
        pruneBefore = jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").query(String.class).single();
    }

}
