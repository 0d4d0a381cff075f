package cn.hetu.ogcapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.catalog.Catalog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QGIS 3.22 itself (python3-qgis, headless) opens every collection as GIS staff would, signed in with an API
 * token as the Basic password: counts, Chinese attributes, a bbox filter, the published QML, the vector tiles
 * and a screenshot (target/qgis/hetu-in-qgis.png). Skipped, saying why, where python3-qgis is not installed.
 */
@RegistryTest
class QgisClientTests {

    private static final String PYTHON = "/usr/bin/python3";

    /** West, south, east, north: the county seat and the industrial parcels east of it. */
    private static final double[] BBOX = { 116.25, 33.2, 116.4, 33.3 };

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Catalog catalog;

    @Test
    void qgisOpensCountsFiltersAndDrawsEveryCollectionInHetusStyle() throws Exception {
        Assumptions.assumeTrue(qgisInstalled(), "QGIS is not installed (apt-get install python3-qgis; ./hetu test installs it)");
        String token = http.post("/api/v1/me/tokens", "{\"name\":\"qgis tests\"}").json().get("token").asString();
        Path screenshot = Path.of("target/qgis/hetu-in-qgis.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        String bbox = BBOX[0] + "," + BBOX[1] + "," + BBOX[2] + "," + BBOX[3];
        String out = run(PYTHON, "src/test/qgis/qgis_client.py", http.base(), "admin", token, bbox, screenshot.toString());
        String line = out.lines().filter(l -> l.startsWith("HETU-QGIS-REPORT ")).findFirst().orElseThrow(() -> new AssertionError(out));
        JsonNode report = json.readTree(line.substring("HETU-QGIS-REPORT ".length()));

        for (String id : jdbc.sql("SELECT id FROM collection ORDER BY id").query(String.class).list()) {
            JsonNode layer = report.get("collections").get(id);
            assertThat(layer).as("QGIS lists %s", id).isNotNull();
            assertThat(layer.get("valid").asBoolean()).as(id).isTrue();
            long rows = jdbc.sql("SELECT count(*) FROM " + id).query(Long.class).single();
            long matched = http.get("/ogc/collections/" + id + "/items?limit=1").json().get("numberMatched").asLong();
            assertThat(layer.get("count").asLong()).as("%s: QGIS counts numberMatched", id).isEqualTo(matched).isEqualTo(rows);
            long inBox = jdbc.sql("SELECT count(*) FROM " + id + " WHERE ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4490))")
                .params(BBOX[0], BBOX[1], BBOX[2], BBOX[3])
                .query(Long.class)
                .single();
            assertThat(layer.get("inBbox").asLong()).as("%s: QGIS's extent filter", id).isEqualTo(inBox);
            if (!catalog.get(id).isRecord()) {
                assertThat(layer.get("chineseName").asString()).as(id).containsPattern("\\p{IsHan}");
                JsonNode style = layer.get("style");
                assertThat(style.get("loaded").asBoolean()).as("%s: QGIS applies the QML", id).isTrue();
                assertThat(style.get("renderer").asString()).as(id).isEqualTo("categorizedSymbol");
                assertThat(style.get("categories").asInt()).as(id).isEqualTo(id.equals("land_parcel") ? 3 : 6);
                assertThat(style.get("labels").asBoolean()).as(id).isTrue();
            }
        }
        assertThat(report.get("tiles").get("valid").asBoolean()).isTrue();
        assertThat(report.get("tiles").get("colouredPixels").asInt()).as("QGIS draws the OGC vector tiles").isPositive();
        assertThat(report.get("screenshot").get("colouredPixels").asInt()).as("QGIS draws the styled layers").isGreaterThan(1000);
        assertThat(screenshot).exists();
    }

    private static boolean qgisInstalled() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import qgis.core").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        }
        catch (IOException e) {
            return false;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().put("QT_QPA_PLATFORM", "offscreen");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

}
