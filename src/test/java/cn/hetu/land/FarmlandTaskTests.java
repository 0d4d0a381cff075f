package cn.hetu.land;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;
import cn.hetu.river.TestPhotos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * Farmland protection tasks: the held areas against independent sums in the Gauss-Krüger zone (EPSG:4527, within
 * its scale error of 3e-4), the change since a previous edition, the targets' rights and checks, and the letters.
 */
@RegistryTest
class FarmlandTaskTests {

    static final int YEAR = 2031;

    static final String URL = "/api/v1/farmland-tasks";

    static final byte[] PDF = "%PDF-1.4\n% 责任书\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM farmland_task WHERE year = ?").param(YEAR).update();
        jdbc.sql("DELETE FROM control_archive WHERE edition = 'FTT-2020'").update();
        jdbc.sql("DELETE FROM control_edition WHERE edition = 'FTT-2020'").update();
    }

    @Test
    void eachTownHoldsWhatTheLayersSayAndTheChangeSinceThePreviousEdition() {
        String town = firstTown();
        double before = independentMu("SELECT ST_Area(ST_Transform(ST_Union(geom), 4527)) FROM basic_farmland WHERE town = ?", town);
        assertThat(before).as("the demo farmland reaches every town").isPositive();
        JsonNode farmland = townOf(admin.get(URL + "?year=" + YEAR).json(), town).get("farmland");
        assertThat(farmland.get("heldMu").asDouble()).isCloseTo(before, offset(before * 3e-4));
        assertThat(farmland.has("previousMu")).as("no previous edition yet").isFalse();
        assertThat(farmland.has("targetMu")).isFalse();

        // A previous edition in which the town held one square more (about 1 km² at 33°N) than it does now.
        jdbc.sql("INSERT INTO control_edition (layer, edition, valid_from, valid_to) VALUES ('basic_farmland', 'FTT-2020', "
                + "'2020-01-01', '2022-10-01')").update();
        jdbc.sql("""
                INSERT INTO control_archive (layer, edition, feature_id, code, name, town, geom, properties)
                SELECT 'basic_farmland', 'FTT-2020', id, code, name, town, geom, '{}'::jsonb FROM basic_farmland WHERE town = ?
                UNION ALL SELECT 'basic_farmland', 'FTT-2020', 0, 'FTT-X', '已调出', ?::text,
                       ST_Multi(ST_MakeEnvelope(116.90, 33.90, 116.9107, 33.909, 4490)), '{}'""")
            .params(town, town)
            .update();
        double removed = independentMu("SELECT ST_Area(ST_Transform(ST_MakeEnvelope(116.90, 33.90, 116.9107, 33.909, 4490), 4527))");
        JsonNode tasks = admin.get(URL + "?year=" + YEAR).json();
        assertThat(tasks.get("editions").get("farmlandPrevious").asString()).isEqualTo("FTT-2020");
        JsonNode changed = townOf(tasks, town).get("farmland");
        assertThat(changed.get("previousMu").asDouble()).isCloseTo(before + removed, offset((before + removed) * 3e-4));
        assertThat(changed.get("changeMu").asDouble()).isCloseTo(-removed, offset(removed * 3e-4 + 0.02));
        double total = 0;
        for (JsonNode t : tasks.get("towns")) {
            total += t.get("farmland").get("heldMu").asDouble();
        }
        assertThat(tasks.get("farmlandTotal").get("heldMu").asDouble()).isCloseTo(total, offset(0.05));
    }

    @Test
    void theBureauSetsTargetsForKnownTownsAndTheShareHeldFollows() {
        String town = firstTown();
        String path = URL + "/" + YEAR + "/" + encode(town);
        String body = "{\"farmlandTargetMu\":%s,\"cultivatedTargetMu\":%s,\"note\":\"县下达\",\"version\":%s}";
        Http natres = TestAccounts.natresEditor(admin);
        assertThat(TestAccounts.planner(admin).send("PUT", path, body.formatted(100, 100, "null")).status()).isEqualTo(403);
        assertThat(natres.send("PUT", URL + "/" + YEAR + "/" + encode("无此镇"), body.formatted(100, 100, "null")).json()
            .get("parameter").asString()).isEqualTo("town");
        assertThat(natres.send("PUT", path, body.formatted(-1, 100, "null")).json().get("parameter").asString())
            .isEqualTo("farmlandTargetMu");
        assertThat(natres.send("PUT", path, "{\"farmlandTargetMu\":1}").json().get("parameter").asString())
            .isEqualTo("cultivatedTargetMu");
        assertThat(natres.send("PUT", URL + "/1999/" + encode(town), body.formatted(1, 1, "null")).status()).isEqualTo(400);
        Http.Reply saved = natres.send("PUT", path, body.formatted(5000, 6000, "null"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode row = townOf(saved.json(), town);
        double held = row.get("farmland").get("heldMu").asDouble();
        assertThat(row.get("farmland").get("targetMu").asDouble()).isEqualTo(5000);
        assertThat(row.get("farmland").get("heldPct").asDouble()).isCloseTo(100 * held / 5000, offset(0.01));
        assertThat(row.get("note").asString()).isEqualTo("县下达");
        assertThat(natres.send("PUT", path, body.formatted(5100, 6000, "5")).status()).as("stale").isEqualTo(409);
        assertThat(townOf(natres.send("PUT", path, body.formatted(5100, 6000, "0")).json(), town).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void responsibilityLettersAreAttachedToATownsTaskAndDownloaded() {
        String town = firstTown();
        String letters = URL + "/" + YEAR + "/" + encode(town) + "/letters";
        // Uploads with bearer tokens: multipart form data signed by Basic credentials needs a CSRF token.
        Http natres = bearer(TestAccounts.natresEditor(admin));
        Http.Reply early = natres.post(letters, TestPhotos.multipart("责任书.pdf", "application/pdf", PDF), TestPhotos.MULTIPART);
        assertThat(early.body()).as("no task yet").contains("\"parameter\":\"town\"");
        natres.send("PUT", URL + "/" + YEAR + "/" + encode(town), "{\"farmlandTargetMu\":1,\"cultivatedTargetMu\":1}");
        assertThat(natres.post(letters, TestPhotos.multipart("责任书.pdf", "application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8)),
                TestPhotos.MULTIPART).status()).isEqualTo(415);
        assertThat(bearer(TestAccounts.planner(admin)).post(letters, TestPhotos.multipart("责任书.pdf", "application/pdf", PDF),
                TestPhotos.MULTIPART).status()).isEqualTo(403);
        Http.Reply attached = natres.post(letters, TestPhotos.multipart("C:\\scans\\2031年责任书.pdf", "application/pdf", PDF),
                TestPhotos.MULTIPART);
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        long id = attached.json().get("id").asLong();
        assertThat(attached.json().get("name").asString()).isEqualTo("2031年责任书.pdf");
        JsonNode listed = townOf(admin.get(URL + "?year=" + YEAR).json(), town).get("letters");
        assertThat(listed.get(0).get("id").asLong()).isEqualTo(id);
        HttpResponse<byte[]> file = TestAccounts.viewer(admin).bytes(URL + "/letters/" + id);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PDF);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(TestAccounts.viewer(admin).delete(URL + "/letters/" + id).status()).isEqualTo(403);
        assertThat(natres.delete(URL + "/letters/" + id).status()).isEqualTo(204);
        assertThat(admin.get(URL + "/letters/" + id).status()).isEqualTo(404);
    }

    private static Http bearer(Http account) {
        return account.withToken(account.post("/api/v1/me/tokens", "{\"name\":\"letters\"}").json().get("token").asString());
    }

    private String firstTown() {
        return admin.get(URL + "?year=" + YEAR).json().get("towns").get(0).get("town").asString();
    }

    private double independentMu(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Double.class).single() / 666.67;
    }

    private static JsonNode townOf(JsonNode tasks, String town) {
        for (JsonNode t : tasks.get("towns")) {
            if (t.get("town").asString().equals(town)) {
                return t;
            }
        }
        throw new AssertionError(town + " not in " + tasks);
    }

    private static String encode(String town) {
        return URLEncoder.encode(town, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
