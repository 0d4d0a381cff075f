package cn.hetu.parcel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

@RegistryTest
class ParcelSearchTests {

    private static final String POLYGON = """
            {"type":"Polygon","coordinates":[[[116.15,33.10],[116.45,33.10],[116.45,33.40],[116.15,33.40],[116.15,33.10]]]}""";

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachConditionAloneMatchesTheSameSql() {
        assertSearch("{\"categories\":[\"idle\"]}", "category = 'idle'");
        assertSearch("{\"areaMin\":2,\"areaUnit\":\"ha\"}", "area_m2 >= 20000");
        assertSearch("{\"areaMin\":30,\"areaMax\":60,\"areaUnit\":\"mu\"}", "area_m2 BETWEEN 30 * 666.67 AND 60 * 666.67");
        assertSearch("{\"idleYearsAtLeast\":5}", "idle_since <= current_date - interval '5 years'");
        assertSearch("{\"towns\":[\"东临溪镇\"]}", "town = '东临溪镇'");
        assertSearch("{\"disposalStatus\":[\"disposed\"],\"disposalMethods\":[\"reclaim_by_agreement\"]}",
                "disposal_status = 'disposed' AND disposal_method = 'reclaim_by_agreement'");
        String holder = jdbc.sql("SELECT substr(holder, 1, 2) FROM land_parcel WHERE holder IS NOT NULL LIMIT 1")
            .query(String.class).single();
        assertSearch("{\"holder\":\"" + holder + "\"}", "holder LIKE '%" + holder + "%'");
        assertSearch("{\"polygon\":" + POLYGON + "}",
                "ST_Intersects(geom, ST_MakeEnvelope(116.15, 33.10, 116.45, 33.40, 4490))");
        assertSearch("{\"polygon\":" + POLYGON + ",\"polygonRelation\":\"within\"}",
                "ST_Within(geom, ST_MakeEnvelope(116.15, 33.10, 116.45, 33.40, 4490))");
    }

    @Test
    void nearAFeatureOrALayerUsesTrueMetres() {
        assertSearch("{\"near\":{\"collection\":\"road_node\",\"where\":{\"road\":\"G205\"},\"distance\":1000}}", """
                EXISTS (SELECT 1 FROM road_node n WHERE n.road = 'G205'
                        AND ST_DWithin(n.geom::geography, land_parcel.geom::geography, 1000))""");
        assertSearch("{\"near\":{\"collection\":\"river_segment\",\"where\":{\"river\":\"包河\"},\"distance\":500}}", """
                EXISTS (SELECT 1 FROM river_segment n WHERE n.river = '包河'
                        AND ST_DWithin(n.geom::geography, land_parcel.geom::geography, 500))""");
        long sluice = jdbc.sql("SELECT id FROM sluice WHERE name = '朱楼闸'").query(Long.class).single();
        assertSearch("{\"near\":{\"collection\":\"sluice\",\"ids\":[" + sluice + "],\"distance\":3000}}", """
                EXISTS (SELECT 1 FROM sluice n WHERE n.id = %d
                        AND ST_DWithin(n.geom::geography, land_parcel.geom::geography, 3000))""".formatted(sluice));
    }

    @Test
    void conditionsCombineWithAndAndCarryTotals() {
        String search = """
                {"categories":["idle","approved_unsupplied"],"areaMin":1,"areaUnit":"ha","polygon":%s,
                 "near":{"collection":"road_node","where":{"road":"G205"},"distance":5000},"size":500}""".formatted(POLYGON);
        String sql = """
                category IN ('idle', 'approved_unsupplied') AND area_m2 >= 10000
                AND ST_Intersects(geom, ST_MakeEnvelope(116.15, 33.10, 116.45, 33.40, 4490))
                AND EXISTS (SELECT 1 FROM road_node n WHERE n.road = 'G205'
                            AND ST_DWithin(n.geom::geography, land_parcel.geom::geography, 5000))""";
        JsonNode result = assertSearch(search, sql);
        double area = jdbc.sql("SELECT COALESCE(sum(area_m2), 0) FROM land_parcel WHERE " + sql).query(Double.class).single();
        JsonNode totals = result.get("totals");
        assertThat(totals.get("areaM2").asDouble()).isCloseTo(area, offset(0.5));
        assertThat(totals.get("areaHa").asDouble()).isCloseTo(area / 10_000, offset(0.01));
        assertThat(totals.get("areaMu").asDouble()).isCloseTo(area / 666.67, offset(0.01));
        long byCategory = 0;
        for (JsonNode group : result.get("byCategory")) {
            byCategory += group.get("totals").get("count").asLong();
        }
        assertThat(byCategory).isEqualTo(totals.get("count").asLong());
        assertThat(result.get("features").get(0).get("properties").get("area_mu").asDouble()).isPositive();
    }

    @Test
    void pagesAndSortsTheResults() {
        JsonNode first = search("{\"sort\":\"-area\",\"size\":10}");
        JsonNode second = search("{\"sort\":\"-area\",\"size\":10,\"page\":1}");
        assertThat(first.get("numberReturned").asInt()).isEqualTo(10);
        double last = first.get("features").get(9).get("properties").get("area_m2").asDouble();
        assertThat(first.get("features").get(0).get("properties").get("area_m2").asDouble()).isGreaterThanOrEqualTo(last);
        assertThat(second.get("features").get(0).get("properties").get("area_m2").asDouble()).isLessThanOrEqualTo(last);
        assertThat(second.get("features").get(0).get("id").asLong()).isNotEqualTo(first.get("features").get(9).get("id").asLong());
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertRefused("{\"categories\":[\"farmland\"]}", "categories");
        assertRefused("{\"near\":{\"collection\":\"road_node\",\"distance\":-5}}", "near.distance");
        assertRefused("{\"areaMin\":-1}", "areaMin");
        assertRefused("{\"areaUnit\":\"acre\",\"areaMin\":1}", "areaUnit");
        assertRefused("{\"sort\":\"colour\"}", "sort");
        assertRefused("{\"near\":{\"collection\":\"road_node\",\"where\":{\"colour\":\"red\"},\"distance\":5}}", "near.where");
        assertRefused("""
                {"polygon":{"type":"Polygon","coordinates":[[[116.30,33.20],[116.31,33.21],[116.31,33.20],[116.30,33.21],
                [116.30,33.20]]]}}""", "polygon");
        assertThat(http.post("/api/v1/parcels/search", "{\"near\":{\"collection\":\"nope\",\"distance\":5}}").status())
            .isEqualTo(404);
    }

    @Test
    void exportsAShapefileThatGdalReadsBackWithChineseIntact(@TempDir Path dir) throws Exception {
        String search = "{\"categories\":[\"idle\"]}";
        long expected = count("category = 'idle'");
        byte[] zip = download("/api/v1/parcels/export?format=shp&crs=4490", search);
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null;) {
                Files.write(dir.resolve(entry.getName()), entries.readAllBytes());
            }
        }
        assertThat(dir.resolve("parcels.cpg")).exists();
        String info = run("ogrinfo", "-ro", "-al", "-so", dir.resolve("parcels.shp").toString());
        assertThat(info).contains("Feature Count: " + expected, "CGCS2000", "Polygon");
        String sample = run("ogrinfo", "-ro", "-al", "-q", dir.resolve("parcels.shp").toString(), "-fid", "0");
        assertThat(sample).containsPattern("name \\(String\\) = \\p{IsHan}+");
        for (String format : List.of("gpkg", "kml", "csv", "xlsx", "geojson")) {
            Path file = dir.resolve("out." + format);
            Files.write(file, download("/api/v1/parcels/export?format=" + format + "&crs=4326", search));
            if (!format.equals("xlsx")) {
                assertThat(run("ogrinfo", "-ro", "-al", "-so", file.toString())).as(format).contains("Feature Count: " + expected);
            }
            else {
                assertThat(Files.readAllBytes(file)).startsWith('P', 'K');
            }
        }
        assertThat(Files.readString(dir.resolve("out.csv"), StandardCharsets.UTF_8)).startsWith("\uFEFFWKT");
    }

    private JsonNode assertSearch(String body, String sqlCondition) {
        JsonNode result = search(body.startsWith("{\"") && !body.contains("\"size\"") ? body.replaceFirst("\\{", "{\"size\":1000,")
                : body);
        List<Long> expected = jdbc.sql("SELECT id FROM land_parcel WHERE " + sqlCondition).query(Long.class).list();
        assertThat(expected).as("the test's own condition finds something: " + sqlCondition).isNotEmpty();
        assertThat(result.get("numberMatched").asLong()).as(body).isEqualTo(expected.size());
        Set<Long> served = new HashSet<>();
        result.get("features").forEach(f -> served.add(f.get("id").asLong()));
        assertThat(served).as(body).containsExactlyInAnyOrderElementsOf(expected);
        return result;
    }

    private JsonNode search(String body) {
        Http.Reply reply = http.post("/api/v1/parcels/search", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/geo+json");
        return reply.json();
    }

    private void assertRefused(String body, String field) {
        Http.Reply reply = http.post("/api/v1/parcels/search", body);
        assertThat(reply.status()).as(body).isEqualTo(400);
        assertThat(reply.json().get("parameter").asString()).as(body).isEqualTo(field);
    }

    private long count(String condition) {
        return jdbc.sql("SELECT count(*) FROM land_parcel WHERE " + condition).query(Long.class).single();
    }

    private byte[] download(String path, String body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.base() + path))
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + Http.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return response.body();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

}
