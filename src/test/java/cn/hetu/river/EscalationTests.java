package cn.hetu.river;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

@RegistryTest
class EscalationTests {

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Escalations escalations;

    @Test
    void anOverdueIssueGoesUpOneLevelOnceAndAnotherAfterAWeek() {
        Map<String, Object> segment = jdbc.sql("""
                SELECT s.id, s.town, ST_X(ST_LineInterpolatePoint(s.geom, 0.5)) AS lon,
                       ST_Y(ST_LineInterpolatePoint(s.geom, 0.5)) AS lat
                FROM river_segment s WHERE s.level = 'village' AND EXISTS (
                    SELECT 1 FROM chief_assignment a JOIN river_chief c ON c.id = a.chief_id
                    WHERE a.collection = 'river_segment' AND a.asset_id = s.id AND c.level = 'village')
                ORDER BY s.id LIMIT 1""").query().singleRow();
        UUID issue = UUID.randomUUID();
        assertThat(admin.post("/api/v1/issues", """
                {"id":"%s","lon":%s,"lat":%s,"category":"building","description":"河道管理范围内违建棚房"}"""
            .formatted(issue, segment.get("lon"), segment.get("lat"))).status()).isEqualTo(201);
        // The deadline passed three days ago (county time); the segment's chiefs are village chiefs.
        jdbc.sql("""
                UPDATE patrol_issue SET segment_collection = 'river_segment', segment_id = ?, status = 'assigned',
                       assignee = '村委会', deadline = (now() AT TIME ZONE 'Asia/Shanghai')::date - 3 WHERE id = ?""")
            .params(segment.get("id"), issue)
            .update();
        List<Long> townChiefs = jdbc.sql("SELECT id FROM river_chief WHERE level = 'town' AND town = ? ORDER BY id")
            .param(segment.get("town"))
            .query(Long.class)
            .list();
        assertThat(townChiefs).isNotEmpty();

        escalations.escalateOverdue();
        assertThat(escalatedTo(issue, "town")).containsExactlyElementsOf(townChiefs);
        JsonNode json = admin.get("/api/v1/issues/" + issue).json();
        assertThat(json.get("escalatedLevel").asString()).isEqualTo("town");
        assertThat(json.get("escalatedTo").get(0).get("id").asLong()).isEqualTo(townChiefs.get(0));
        assertThat(json.get("escalatedTo").get(0).get("level").asString()).isEqualTo("town");
        assertThat(json.get("status").asString()).as("escalation is no transition").isEqualTo("assigned");
        assertThat(json.get("events").get(json.get("events").size() - 1).get("kind").asString()).isEqualTo("escalated");

        escalations.escalateOverdue();
        assertThat(escalatedTo(issue, "town")).as("a second run records nothing new").hasSize(townChiefs.size());
        assertThat(escalatedTo(issue, "county")).isEmpty();

        jdbc.sql("UPDATE patrol_issue SET deadline = (now() AT TIME ZONE 'Asia/Shanghai')::date - 8 WHERE id = ?")
            .param(issue)
            .update();
        escalations.escalateOverdue();
        assertThat(jdbc.sql("SELECT escalated_level FROM patrol_issue WHERE id = ?").param(issue).query(String.class).single())
            .isEqualTo("county");
        assertThat(escalatedTo(issue, "county")).isNotEmpty();
        assertThat(escalatedTo(issue, "town")).hasSize(townChiefs.size());
    }

    @Test
    void aRectifiedOrStillTimelyIssueStaysWhereItIs() {
        UUID issue = UUID.fromString(jdbc.sql("""
                SELECT id::text FROM patrol_issue WHERE segment_id IS NOT NULL AND escalated_level IS NULL ORDER BY id LIMIT 1""")
            .query(String.class)
            .single());
        jdbc.sql("UPDATE patrol_issue SET status = 'rectified', deadline = DATE '2020-01-01' WHERE id = ?").param(issue).update();
        escalations.escalateOverdue();
        jdbc.sql("UPDATE patrol_issue SET status = 'assigned', deadline = (now() AT TIME ZONE 'Asia/Shanghai')::date WHERE id = ?")
            .param(issue)
            .update();
        escalations.escalateOverdue();
        assertThat(jdbc.sql("SELECT escalated_level IS NULL FROM patrol_issue WHERE id = ?").param(issue).query(Boolean.class)
            .single()).isTrue();
    }

    private List<Long> escalatedTo(UUID issue, String level) {
        return jdbc.sql("""
                SELECT chief_id FROM issue_event WHERE issue_id = ? AND kind = 'escalated' AND level = ? ORDER BY chief_id""")
            .params(issue, level)
            .query(Long.class)
            .list();
    }

}
