package cn.hetu.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.catalog.Catalog;

import static cn.hetu.imports.ImportClient.gdal;
import static org.assertj.core.api.Assertions.assertThat;

/** A layer exported in each format and CRS comes back through the import as the same features. */
@RegistryTest
class ExportRoundTripTests {

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Catalog catalog;

    private ImportClient admin;

    private ImportedData imported;

    @BeforeEach
    void signIn() {
        admin = new ImportClient(http, "admin", Http.ADMIN_PASSWORD);
        imported = new ImportedData(jdbc, transaction, catalog);
    }

    @AfterEach
    void removeImportedData() {
        imported.remove();
    }

    @ParameterizedTest
    @CsvSource({ "geojson, EPSG:4490, UTF-8, geojson", "shp, EPSG:4527, GBK, zip", "shp, EPSG:4548, UTF-8, zip",
            "gpkg, EPSG:3857, UTF-8, gpkg", "kml, EPSG:4326, UTF-8, kml", "csv, EPSG:4490, UTF-8, csv" })
    void aDitchExportImportsBackIntoANewLayerWithTheSameFeatures(String format, String crs, String encoding,
            String extension, @TempDir Path dir) throws Exception {
        long ditches = jdbc.sql("SELECT count(*) FROM ditch").query(Long.class).single();
        Path file = dir.resolve("ditch." + extension);
        Files.write(file, admin.download("/api/v1/collections/ditch/export?labels=codes&format=" + format + "&crs=" + crs + "&encoding="
                + encoding));
        String layer = "rt_" + format + "_" + crs.substring(5);
        JsonNode job = admin.uploadReady(file, Map.of("newLayer", layer, "title", "往返 " + format));
        assertThat(job.at("/report/featureCount").asLong()).isEqualTo(ditches);
        assertThat(job.at("/report/likelyWrongCrs").asBoolean()).isFalse();
        JsonNode done = admin.commit(job.get("id").asString(), "{\"duplicates\":\"insert\"}");
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("committed");
        assertThat(done.at("/result/inserted").asLong()).isEqualTo(ditches);
        long same = jdbc.sql("""
                SELECT count(*) FROM %s n JOIN ditch o ON o.code = n.code
                WHERE n.name = o.name AND n.department = o.department AND n.status = o.status
                  AND ST_HausdorffDistance(ST_Transform(n.geom, 4527), ST_Transform(o.geom, 4527)) < 0.01""".formatted(layer))
            .query(Long.class)
            .single();
        assertThat(same).as("features with the same code, name, department, status and line within 1 cm").isEqualTo(ditches);
    }

    @Test
    void aFilteredExportHasOnlyTheMatchingFeaturesAndASpreadsheetOpens(@TempDir Path dir) throws Exception {
        long large = jdbc.sql("SELECT count(*) FROM ditch WHERE class = 'large' AND ST_Intersects(geom, "
                + "ST_MakeEnvelope(116.0, 33.0, 116.3, 33.5, 4490))").query(Long.class).single();
        Path xlsx = dir.resolve("ditch.xlsx");
        Files.write(xlsx, admin.download("/api/v1/collections/ditch/export?format=xlsx&bbox=116.0,33.0,116.3,33.5&filter="
                + ImportClient.encode("class = 'large'")));
        assertThat(gdal("ogrinfo", "-ro", "-so", "-al", xlsx.toString())).contains("Feature Count: " + large);
        Http.Reply badFilter = http.get("/api/v1/collections/ditch/export?format=csv&filter=" + ImportClient.encode("nope ="));
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.json().get("parameter").asString()).isEqualTo("filter");
        assertThat(http.get("/api/v1/collections/ditch/export?format=dwg").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/collections/ditch/export?crs=EPSG:2000").status()).isEqualTo(400);
        Http.Reply download = http.get("/api/v1/collections/ditch/export?format=geojson");
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("ditch-").contains(".geojson");
        assertThat(http.anonymous().get("/api/v1/collections/ditch/export").status()).isEqualTo(401);
    }

}
