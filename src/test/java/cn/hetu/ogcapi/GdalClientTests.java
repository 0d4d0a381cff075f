package cn.hetu.ogcapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

/** GDAL's own OGC API - Features driver, the client QGIS builds on, reads every collection. */
@RegistryTest
class GdalClientTests {

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    private String token;

    @Test
    void ogrinfoListsEveryCollection() throws Exception {
        String out = run("ogrinfo", "-ro", "-q", "OAPIF:" + http.base() + "/ogc");
        for (String id : jdbc.sql("SELECT id FROM collection").query(String.class).list()) {
            assertThat(out).as("ogrinfo lists %s", id).contains(id);
        }
    }

    @Test
    void ogrinfoCountsEveryFeatureOfEachCollection() throws Exception {
        for (String id : List.of("ditch", "sluice", "road_node", "land_parcel", "project")) {
            String out = run("ogrinfo", "-ro", "-so", "OAPIF:" + http.base() + "/ogc", id);
            Matcher count = Pattern.compile("Feature Count: (\\d+)").matcher(out);
            assertThat(count.find()).as(out).isTrue();
            long rows = jdbc.sql("SELECT count(*) FROM " + id).query(Long.class).single();
            assertThat(Long.parseLong(count.group(1))).as(id).isEqualTo(rows);
        }
    }

    @Test
    void ogr2ogrCopiesACollectionPageByPageWithChineseTextIntact(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("ditch.gpkg");
        run("ogr2ogr", "-f", "GPKG", copy.toString(), "OAPIF:" + http.base() + "/ogc/collections/ditch", "-oo",
                "PAGE_SIZE=100");
        String out = run("ogrinfo", "-ro", "-so", copy.toString(), "ditch");
        assertThat(out).contains("Feature Count: " + jdbc.sql("SELECT count(*) FROM ditch").query(Long.class).single());
        String sample = run("ogrinfo", "-ro", copy.toString(), "-sql", "SELECT name FROM ditch LIMIT 1");
        assertThat(sample).containsPattern("name \\(String\\) = \\p{IsHan}+");
    }

    @Test
    void ogr2ogrCopiesEveryCollectionToGeoPackageWithAsManyFeaturesAsNumberMatched(@TempDir Path dir) throws Exception {
        for (String id : jdbc.sql("SELECT id FROM collection ORDER BY id").query(String.class).list()) {
            Path copy = dir.resolve(id + ".gpkg");
            run("ogr2ogr", "-f", "GPKG", copy.toString(), "OAPIF:" + http.base() + "/ogc/collections/" + id, "-oo", "PAGE_SIZE=500");
            Matcher count = Pattern.compile("Feature Count: (\\d+)").matcher(run("ogrinfo", "-ro", "-so", copy.toString(), id));
            assertThat(count.find()).as(id).isTrue();
            long matched = http.get("/ogc/collections/" + id + "/items?limit=1").json().get("numberMatched").asLong();
            assertThat(Long.parseLong(count.group(1))).as("%s copied by ogr2ogr", id).isEqualTo(matched);
        }
    }

    /** GDAL signs in as QGIS users are told to: their user name and an API token as the password. */
    private String run(String... command) throws IOException, InterruptedException {
        if (token == null) {
            token = http.post("/api/v1/me/tokens", "{\"name\":\"gdal tests\"}").json().get("token").asString();
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GDAL_HTTP_USERPWD", "admin:" + token);
        builder.environment().put("GDAL_HTTP_AUTH", "BASIC");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

}
