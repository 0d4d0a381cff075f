package cn.hetu.imports;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.catalog.Catalog;
import cn.hetu.TestAccounts;

import static cn.hetu.imports.ImportClient.gdal;
import static cn.hetu.imports.ImportClient.zipShapefile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** Imports of the files county staff bring, made here with GDAL, into the real PostGIS. */
@RegistryTest
class ImportTests {

    private static final String DITCHES = "geodata/ditch.geojson";

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ImportJobs jobs;

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

    /** A surveyor's Shapefile: GBK without a .cpg, Chinese field names, CGCS2000 zone 39 with the zone number in X. */
    private static Path surveyorsShapefile(Path dir, String prefix, int features, String epsg) {
        Path shp = dir.resolve("survey.shp");
        gdal("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", epsg, "-lco", "ENCODING=CP936", shp.toString(), DITCHES,
                "-dialect", "SQLite", "-sql", "SELECT '" + prefix + "' || code AS \"编码\", name AS \"名称\", class AS \"类别\", "
                        + "geometry FROM ditch ORDER BY code LIMIT " + features);
        return shp;
    }

    @Test
    void aSurveyorsGbkShapefileInTheZoneLandsInDitchesInPlaceWithChineseNamesIntact(@TempDir Path dir) throws Exception {
        Path zip = zipShapefile(surveyorsShapefile(dir, "SV-", 40, "EPSG:4527"), dir.resolve("survey.zip"), List.of("cpg"));
        JsonNode job = admin.uploadReady(zip, Map.of("collection", "ditch"));
        JsonNode source = job.get("source");
        assertThat(source.at("/encoding/name").asString()).isEqualTo("GBK");
        assertThat(source.at("/encoding/origin").asString()).isEqualTo("detected");
        assertThat(source.at("/crs/epsg").asInt()).isEqualTo(4527);
        assertThat(source.at("/crs/falseEasting").asDouble()).isEqualTo(39_500_000);
        JsonNode report = job.get("report");
        assertThat(report.get("featureCount").asLong()).isEqualTo(40);
        assertThat(report.get("likelyWrongCrs").asBoolean()).isFalse();
        assertThat(report.get("insideCounty").asLong()).isEqualTo(40);
        assertThat(report.at("/mapping/code").asString()).isEqualTo("编码");
        assertThat(report.at("/mapping/name").asString()).isEqualTo("名称");
        assertThat(report.at("/mapping/class").asString()).isEqualTo("类别");
        assertThat(report.at("/preview/features/0/properties/名称").asString()).matches("\\p{IsHan}+");
        assertThat(report.at("/checks/missing/0/column").asString()).isEqualTo("department");

        JsonNode done = admin.commit(job.get("id").asString(),
                "{\"defaults\":{\"department\":\"water\"},\"invalid\":\"repair\",\"duplicates\":\"skip\"}");
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("committed");
        assertThat(done.at("/result/inserted").asLong()).isEqualTo(40);

        // Same names, and the same lines within a centimetre after the round trip through zone 39.
        long matching = jdbc.sql("""
                SELECT count(*) FROM ditch n JOIN ditch o ON n.code = 'SV-' || o.code
                WHERE n.name = o.name AND n.class = o.class AND n.department = 'water'
                  AND ST_HausdorffDistance(ST_Transform(n.geom, 4527), ST_Transform(o.geom, 4527)) < 0.01""")
            .query(Long.class)
            .single();
        assertThat(matching).isEqualTo(40);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE after ->> 'code' LIKE 'SV-%'").query(Long.class).single())
            .as("no audit record per feature").isZero();
        String batch = jdbc.sql("SELECT after ->> 'rows' FROM audit_log WHERE collection = 'ditch' AND action = 'import' "
                + "AND username = 'admin' AND after ->> 'job' = ?").param(job.get("id").asString()).query(String.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM " + batch + " b JOIN ditch d USING (id) WHERE b.code LIKE 'SV-%' "
                + "AND b.name = d.name AND ST_Equals(b.geom, d.geom)").query(Long.class).single())
            .as("the batch's record keeps every row as written").isEqualTo(40);
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'import_staging'")
            .query(Long.class).single()).as("staging tables are dropped after the commit").isZero();

        // And out again as a GBK Shapefile that GDAL reads with the names intact.
        byte[] exported = admin.download("/api/v1/collections/ditch/export?format=shp&encoding=GBK&crs=EPSG:4527&filter="
                + ImportClient.encode("code LIKE 'SV-%'"));
        Path out = dir.resolve("out.zip");
        Files.write(out, exported);
        String info = gdal("ogrinfo", "-ro", "-al", "/vsizip/" + out, "-where", "code = 'SV-GQ-0001'");
        assertThat(info).contains("Feature Count: 1").contains("name (String) = " + jdbc.sql(
                "SELECT name FROM ditch WHERE code = 'GQ-0001'").query(String.class).single()).contains("39500000");
        try (ZipFile archive = new ZipFile(out.toFile())) {
            String cpg = new String(archive.getInputStream(archive.getEntry("ditch.cpg")).readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(cpg.strip()).isIn("CP936", "936", "GBK");
        }
    }

    @Test
    void aShapefileWithoutPrjIsPlacedByItsCoordinatesAndTheGuessIsReported(@TempDir Path dir) throws Exception {
        Path zip = zipShapefile(surveyorsShapefile(dir, "NP-", 5, "EPSG:4527"), dir.resolve("noprj.zip"), List.of("prj"));
        JsonNode job = admin.uploadReady(zip, Map.of("collection", "ditch"));
        assertThat(job.at("/source/crs/origin").asString()).isEqualTo("guessed");
        assertThat(job.at("/source/crs/epsg").asInt()).isEqualTo(4527);
        assertThat(job.at("/report/insideCounty").asLong()).isEqualTo(5);

        Path sixDigits = surveyorsShapefile(Files.createDirectories(dir.resolve("cm117")), "NP-", 5, "EPSG:4548");
        JsonNode withoutZone = admin.uploadReady(zipShapefile(sixDigits, dir.resolve("cm117.zip"), List.of("prj")),
                Map.of("collection", "ditch"));
        assertThat(withoutZone.at("/source/crs/epsg").asInt()).isEqualTo(4548);
        assertThat(withoutZone.at("/report/likelyWrongCrs").asBoolean()).isFalse();
    }

    @Test
    void dataOutsideTheCountyAfterReprojectionIsFlaggedAndNotCommittedUnlessTheUserInsists(@TempDir Path dir) {
        // Coordinates of the zone around 117°E declared as the zone around 114°E: they land 300 km west.
        Path shp = surveyorsShapefile(dir, "WC-", 5, "EPSG:4548");
        gdal("ogr2ogr", "-f", "ESRI Shapefile", "-a_srs", "EPSG:4547", dir.resolve("wrong.shp").toString(), shp.toString());
        JsonNode job = admin.uploadReady(zipShapefile(dir.resolve("wrong.shp"), dir.resolve("wrong.zip"), List.of()),
                Map.of("collection", "ditch", "encoding", "GBK"));
        assertThat(job.at("/source/crs/epsg").asInt()).isEqualTo(4547);
        assertThat(job.at("/report/likelyWrongCrs").asBoolean()).isTrue();
        Http.Reply refused = admin.post("/api/v1/imports/" + job.get("id").asString() + "/commit",
                "{\"defaults\":{\"department\":\"water\"}}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("CRS");

        JsonNode overridden = admin.uploadReady(zipShapefile(dir.resolve("wrong.shp"), dir.resolve("again.zip"), List.of()),
                Map.of("collection", "ditch", "encoding", "GBK", "crs", "EPSG:4548"));
        assertThat(overridden.at("/source/crs/origin").asString()).isEqualTo("override");
        assertThat(overridden.at("/report/likelyWrongCrs").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM ditch WHERE code LIKE 'WC-%'").query(Long.class).single()).isZero();

        // Zone-numbered coordinates declared without the zone number cannot even be reprojected.
        gdal("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:4527", dir.resolve("zoned.shp").toString(), shp.toString());
        gdal("ogr2ogr", "-f", "ESRI Shapefile", "-a_srs", "EPSG:4548", dir.resolve("nozone.shp").toString(),
                dir.resolve("zoned.shp").toString());
        Http.Reply upload = admin.upload(zipShapefile(dir.resolve("nozone.shp"), dir.resolve("nozone.zip"), List.of()),
                Map.of("collection", "ditch"));
        JsonNode failed = admin.waitWhile(upload.json().get("id").asString(), "loading");
        assertThat(failed.get("state").asString()).isEqualTo("failed");
        assertThat(failed.get("error").asString()).contains("CRS is probably wrong");
    }

    @Test
    void aGeoPackageInCgcs2000BecomesANewLayerServedLikeAnyOther(@TempDir Path dir) {
        Path gpkg = dir.resolve("wells.gpkg");
        gdal("ogr2ogr", "-f", "GPKG", "-a_srs", "EPSG:4490", "-nln", "wells", gpkg.toString(), "geodata/sluice.geojson",
                "-dialect", "SQLite", "-sql", "SELECT 'WL-' || code AS code, name AS \"名称\", scale AS \"规模\", "
                        + "gate_count AS \"孔数\", geometry FROM sluice");
        JsonNode job = admin.uploadReady(gpkg, Map.of("newLayer", "survey_wells", "title", "机井"));
        assertThat(job.at("/report/targetGeometryType").asString()).isEqualTo("Point");
        assertThat(job.at("/report/mapping/name").asString()).isEqualTo("名称");
        JsonNode done = admin.commit(job.get("id").asString(), "{\"defaults\":{\"department\":\"water\"}}");
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("committed");
        assertThat(job.at("/report/featureCount").asLong()).isEqualTo(38);
        assertThat(done.at("/result/inserted").asLong()).isEqualTo(38);

        Http.Reply collection = http.get("/ogc/collections/survey_wells");
        assertThat(collection.status()).isEqualTo(200);
        assertThat(collection.json().get("title").asString()).isEqualTo("机井");
        Http.Reply items = http.get("/ogc/collections/survey_wells/items?limit=1");
        assertThat(items.json().at("/features/0/properties/name").asString()).matches("\\p{IsHan}+.*");
        assertThat(jdbc.sql("SELECT col_description('survey_wells'::regclass, attnum) FROM pg_attribute "
                + "WHERE attrelid = 'survey_wells'::regclass AND attname LIKE 'field_%' ORDER BY attnum")
            .query(String.class).list()).containsExactly("规模", "孔数");
        JsonNode layer = null;
        for (JsonNode l : http.get("/api/v1/layers").json()) {
            if (l.get("id").asString().equals("survey_wells")) {
                layer = l;
            }
        }
        assertThat(layer).as("the new layer is in the map's layer list").isNotNull();
        String field = layer.get("fieldTitles").propertyNames().iterator().next();
        assertThat(layer.at("/fieldTitles/" + field).asString()).isEqualTo("规模");
        assertThat(http.get("/ogc/collections/survey_wells/queryables").json().at("/properties/" + field + "/title").asString())
            .isEqualTo("规模");
        assertThat(http.get("/api/v1/search?q=" + ImportClient.encode("WL-")).body()).contains("survey_wells");
        assertThat(http.get("/tiles/survey_wells/10/842/412.mvt").status()).isIn(200, 204);
    }

    @Test
    void aCsvWithWktAndAKmlFromAPhoneBecomeLayers(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("roads.csv");
        gdal("ogr2ogr", "-f", "CSV", "-lco", "GEOMETRY=AS_WKT", csv.toString(), "geodata/road_node.geojson", "-dialect",
                "SQLite", "-sql", "SELECT code AS \"编号\", name AS \"名称\", road AS \"道路\", geometry FROM road_node");
        JsonNode fromCsv = admin.uploadReady(csv, Map.of("newLayer", "csv_nodes", "title", "节点"));
        assertThat(fromCsv.at("/source/crs/epsg").asInt()).isEqualTo(4490);
        JsonNode csvDone = admin.commit(fromCsv.get("id").asString(), "{\"defaults\":{\"department\":\"donglinxi\"}}");
        assertThat(csvDone.get("state").asString()).as(csvDone.toString()).isEqualTo("committed");
        assertThat(jdbc.sql("SELECT count(*) FROM csv_nodes n JOIN road_node o ON o.code = n.code AND o.name = n.name "
                + "AND ST_DWithin(o.geom, n.geom, 1e-7)").query(Long.class).single())
            .isEqualTo(jdbc.sql("SELECT count(*) FROM road_node").query(Long.class).single());

        Path kml = dir.resolve("phone.kml");
        gdal("ogr2ogr", "-f", "KML", kml.toString(), "geodata/road_node.geojson", "-dialect", "SQLite", "-sql",
                "SELECT name AS Name, code AS Description, geometry FROM road_node");
        JsonNode fromKml = admin.uploadReady(kml, Map.of("newLayer", "kml_nodes", "title", "手机标注"));
        JsonNode kmlDone = admin.commit(fromKml.get("id").asString(),
                "{\"mapping\":{\"name\":\"Name\",\"code\":\"description\"},\"defaults\":{\"department\":\"donglinxi\"}}");
        assertThat(kmlDone.get("state").asString()).as(kmlDone.toString()).isEqualTo("committed");
        assertThat(jdbc.sql("SELECT count(*) FROM kml_nodes k JOIN road_node o ON o.code = k.code AND o.name = k.name")
            .query(Long.class).single()).isEqualTo(jdbc.sql("SELECT count(*) FROM road_node").query(Long.class).single());
    }

    @Test
    void aGbkSpreadsheetWithLongitudeAndLatitudeColumnsKeepsItsChinese(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("points.csv");
        Files.write(csv, "编号,名称,经度,纬度\nPT-1,东临溪镇水井,116.3101,33.2102\nPT-2,汊口村水塔,116.3202,33.2203\n"
            .getBytes(Charset.forName("GBK")));
        JsonNode job = admin.uploadReady(csv, Map.of("newLayer", "gbk_points", "title", "水井"));
        assertThat(job.at("/source/encoding/name").asString()).isEqualTo("GBK");
        assertThat(job.at("/report/targetGeometryType").asString()).isEqualTo("Point");
        JsonNode done = admin.commit(job.get("id").asString(), "{\"defaults\":{\"department\":\"donglinxi\"}}");
        assertThat(done.at("/result/inserted").asLong()).as(done.toString()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT name FROM gbk_points WHERE code = 'PT-2' AND ST_Equals(geom, ST_SetSRID(ST_MakePoint(116.3202, 33.2203), 4490))")
            .query(String.class).single()).isEqualTo("汊口村水塔");
    }

    @Test
    void aSelfIntersectingPolygonIsReportedWithReasonAndPlaceThenRepairedOrSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("parcels.geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"编码":"BT-1","名称":"蝴蝶地块"},"geometry":{"type":"Polygon","coordinates":
                  [[[116.20,33.20],[116.21,33.21],[116.21,33.20],[116.20,33.21],[116.20,33.20]]]}},
                {"type":"Feature","properties":{"编码":"BT-2","名称":"正常地块"},"geometry":{"type":"Polygon","coordinates":
                  [[[116.22,33.20],[116.23,33.20],[116.23,33.21],[116.22,33.21],[116.22,33.20]]]}},
                {"type":"Feature","properties":{"编码":"BT-3","名称":"一个点"},"geometry":{"type":"Point","coordinates":[116.25,33.25]}}
                ]}""", StandardCharsets.UTF_8);
        JsonNode skipped = admin.uploadReady(file, Map.of("newLayer", "bowtie_skip"));
        JsonNode report = skipped.get("report");
        assertThat(report.at("/invalid/count").asLong()).isEqualTo(1);
        assertThat(report.at("/invalid/items/0/feature").asLong()).isEqualTo(1);
        assertThat(report.at("/invalid/items/0/reason").asString()).containsIgnoringCase("self-intersection");
        assertThat(report.at("/invalid/items/0/location/0").asDouble()).isCloseTo(116.205, offset(1e-6));
        assertThat(report.get("targetGeometryType").asString()).isEqualTo("MultiPolygon");
        assertThat(report.at("/wrongType/count").asLong()).as(report.toString()).isEqualTo(1);
        assertThat(report.at("/wrongType/items/0/feature").asLong()).isEqualTo(3);
        JsonNode skip = admin.commit(skipped.get("id").asString(), "{\"invalid\":\"skip\",\"defaults\":{\"department\":\"natres\"}}");
        assertThat(skip.at("/result/inserted").asLong()).as(skip.toString()).isEqualTo(1);
        assertThat(skip.at("/result/skippedGeometry").asLong()).isEqualTo(2);

        JsonNode repaired = admin.uploadReady(file, Map.of("newLayer", "bowtie_repair"));
        JsonNode repair = admin.commit(repaired.get("id").asString(), "{\"invalid\":\"repair\",\"defaults\":{\"department\":\"natres\"}}");
        assertThat(repair.at("/result/inserted").asLong()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT ST_NumGeometries(geom) FROM bowtie_repair WHERE code = 'BT-1'").query(Integer.class).single())
            .isEqualTo(2);
    }

    @Test
    void duplicateCodesAreSkippedUpdatedOrInsertedUnderANewCode(@TempDir Path dir) {
        Path shp = dir.resolve("dup.shp");
        gdal("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", shp.toString(), DITCHES, "-dialect", "SQLite", "-sql",
                "SELECT 'DP-' || code AS code, name, class, geometry FROM ditch WHERE code IN ('GQ-0003', 'GQ-0004')");
        Path zip = zipShapefile(shp, dir.resolve("dup.zip"), List.of());
        Path changed = dir.resolve("changed.shp");
        gdal("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", changed.toString(), shp.toString(), "-dialect", "SQLite",
                "-sql", "SELECT code, name || '（复测）' AS name, class, geometry FROM dup");
        Path again = zipShapefile(changed, dir.resolve("changed.zip"), List.of());
        String body = "{\"duplicates\":\"%s\",\"defaults\":{\"department\":\"water\"}}";
        JsonNode first = admin.uploadReady(zip, Map.of("collection", "ditch"));
        assertThat(admin.commit(first.get("id").asString(), body.formatted("skip")).at("/result/inserted").asLong()).isEqualTo(2);

        JsonNode job = admin.uploadReady(again, Map.of("collection", "ditch"));
        assertThat(job.at("/report/checks/duplicates/existing").asLong()).isEqualTo(2);
        JsonNode skipped = admin.commit(job.get("id").asString(), body.formatted("skip"));
        assertThat(skipped.at("/result/inserted").asLong()).isZero();
        assertThat(skipped.at("/result/skippedDuplicates").asLong()).isEqualTo(2);

        JsonNode second = admin.uploadReady(again, Map.of("collection", "ditch"));
        JsonNode updated = admin.commit(second.get("id").asString(), body.formatted("update"));
        assertThat(updated.at("/result/updated").asLong()).as(updated.toString()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT name LIKE '%（复测）' AND version = 1 FROM ditch WHERE code = 'DP-GQ-0003'")
            .query(Boolean.class).single()).isTrue();

        JsonNode third = admin.uploadReady(again, Map.of("collection", "ditch"));
        JsonNode inserted = admin.commit(third.get("id").asString(), body.formatted("insert"));
        assertThat(inserted.at("/result/renamedDuplicates").asLong()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM ditch WHERE code LIKE 'DP-GQ-0003-%'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badValuesAreReportedAndStopTheCommit(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "code,name,class,treated_year,WKT\nBV-1,坏值沟,large,二〇二三,\"LINESTRING (116.2 33.2,116.21 33.21)\"\n"
                + "BV-2,好值沟,medium,2021,\"LINESTRING (116.3 33.2,116.31 33.21)\"\n", StandardCharsets.UTF_8);
        JsonNode job = admin.uploadReady(csv, Map.of("collection", "ditch"));
        JsonNode bad = job.at("/report/checks/badValues/0");
        assertThat(bad.get("column").asString()).isEqualTo("treated_year");
        assertThat(bad.get("count").asLong()).isEqualTo(1);
        assertThat(bad.at("/examples/0").asString()).isEqualTo("1: 二〇二三");
        Http.Reply refused = admin.post("/api/v1/imports/" + job.get("id").asString() + "/commit",
                "{\"defaults\":{\"department\":\"water\"}}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/checks/badValues/0/field").asString()).isEqualTo("treated_year");
        // Leaving the field unmapped lets the rest go in; a value against a rule of the table fails the whole import.
        Http.Reply check = admin.post("/api/v1/imports/" + job.get("id").asString() + "/check",
                "{\"mapping\":{\"code\":\"code\",\"name\":\"name\",\"class\":\"class\"},\"defaults\":{\"department\":\"water\"}}");
        assertThat(check.json().get("badValues")).isEmpty();
    }

    @Test
    void aCommitStoppedOrKilledHalfWayLeavesNoRows(@TempDir Path dir) throws Exception {
        Path zip = zipShapefile(surveyorsShapefile(dir, "KL-", 30, "EPSG:4527"), dir.resolve("kill.zip"), List.of());
        for (String stop : List.of("cancel", "terminate")) {
            JsonNode job = admin.uploadReady(zip, Map.of("collection", "ditch"));
            String id = job.get("id").asString();
            try (Connection blocker = dataSource.getConnection(); Statement statement = blocker.createStatement()) {
                // Holding the table makes the merge wait inside its transaction, after its first statements.
                blocker.setAutoCommit(false);
                statement.execute("LOCK TABLE ditch IN SHARE MODE");
                admin.post("/api/v1/imports/" + id + "/commit", "{\"defaults\":{\"department\":\"water\"}}");
                waitForLockWait(id);
                if (stop.equals("cancel")) {
                    assertThat(admin.post("/api/v1/imports/" + id + "/cancel", null).status()).isEqualTo(200);
                }
                else {
                    jdbc.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")
                        .param("hetu-import-" + id).query().singleRow();
                }
                blocker.rollback();
            }
            JsonNode after = admin.waitWhile(id, "committing");
            assertThat(after.get("state").asString()).as(after.toString()).isIn("cancelled", "ready", "failed");
            assertThat(after.get("error").asString()).contains("othing was written");
            assertThat(jdbc.sql("SELECT count(*) FROM ditch WHERE code LIKE 'KL-%'").query(Long.class).single()).as(stop).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE after ->> 'code' LIKE 'KL-%' OR after ->> 'job' = ?")
                .param(id).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'import_audit'").query(Long.class).single())
                .as("no batch table").isZero();
        }
    }

    @Test
    void anImportedFeaturesHistoryShowsItsImportedStateWhichARestoreBringsBackAfterAnEdit(@TempDir Path dir) {
        Path zip = zipShapefile(surveyorsShapefile(dir, "AU-", 5, "EPSG:4527"), dir.resolve("audit.zip"), List.of());
        JsonNode job = admin.uploadReady(zip, Map.of("collection", "ditch"));
        JsonNode done = admin.commit(job.get("id").asString(), "{\"defaults\":{\"department\":\"water\"}}");
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("committed");
        long id = jdbc.sql("SELECT id FROM ditch WHERE code = 'AU-GQ-0001'").query(Long.class).single();
        String imported = jdbc.sql("SELECT name || ' ' || ST_AsText(geom) FROM ditch WHERE id = ?").param(id).query(String.class).single();

        JsonNode history = admin.get("/api/v1/features/ditch/" + id + "/history").json();
        assertThat(history.size()).as(history.toString()).isEqualTo(1);
        JsonNode created = history.get(0);
        assertThat(created.get("action").asString()).isEqualTo("create");
        assertThat(created.get("username").asString()).isEqualTo("admin");
        assertThat(created.get("code").asString()).isEqualTo("AU-GQ-0001");
        assertThat(created.at("/after/department").asString()).isEqualTo("water");
        assertThat(created.at("/after/geom/type").asString()).isEqualTo("LineString");

        transaction.executeWithoutResult(status -> {
            jdbc.sql("SELECT set_config('hetu.user', 'admin', true)").query().singleRow();
            jdbc.sql("UPDATE ditch SET name = '改过的沟', geom = ST_Translate(geom, 0.01, 0) WHERE id = ?").param(id).update();
        });
        history = admin.get("/api/v1/features/ditch/" + id + "/history").json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).at("/before/name").asString()).isEqualTo(imported.substring(0, imported.indexOf(' ')));
        Http.Reply restored = admin.post("/api/v1/features/ditch/" + id + "/history/" + created.get("id").asLong() + "/restore",
                null);
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT name || ' ' || ST_AsText(geom) FROM ditch WHERE id = ?").param(id).query(String.class)
            .single()).isEqualTo(imported);
        assertThat(admin.get("/api/v1/features/ditch/" + id + "/history").json().size()).isEqualTo(3);
    }

    @Test
    void aCommitARuleOfTheRegistryRefusesLeavesNoRowsNoAuditRecordAndNoBatchTable(@TempDir Path dir) {
        Path zip = zipShapefile(surveyorsShapefile(dir, "RF-", 5, "EPSG:4527"), dir.resolve("refused.zip"), List.of());
        JsonNode job = admin.uploadReady(zip, Map.of("collection", "ditch"));
        String id = job.get("id").asString();
        JsonNode refused = admin.commit(id, "{\"defaults\":{\"department\":\"no-such-department\"}}");
        assertThat(refused.get("state").asString()).as(refused.toString()).isEqualTo("ready");
        assertThat(refused.get("error").asString()).contains("Nothing was written");
        assertThat(jdbc.sql("SELECT count(*) FROM ditch WHERE code LIKE 'RF-%'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE after ->> 'code' LIKE 'RF-%' OR after ->> 'job' = ?")
            .param(id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'import_audit'").query(Long.class).single())
            .isZero();
    }

    private void waitForLockWait(String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            boolean waiting = jdbc.sql("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = ? "
                    + "AND wait_event_type = 'Lock')").param("hetu-import-" + id).query(Boolean.class).single();
            if (waiting) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The merge never reached the locked table");
    }

    @Test
    void uploadsThatAreNotWhatTheySeemAreRefused(@TempDir Path dir) throws Exception {
        Set<Path> before = importFolders();
        Path readme = Files.writeString(dir.resolve("readme.txt"), "not a map");
        Http.Reply notShapefile = admin.upload(ImportClient.zip(dir.resolve("docs.zip"), Map.of("readme.txt", readme)),
                Map.of("collection", "ditch"));
        assertThat(notShapefile.status()).isEqualTo(422);
        assertThat(notShapefile.json().get("detail").asString()).contains("no Shapefile");

        Path shp = surveyorsShapefile(dir, "TR-", 2, "EPSG:4527");
        Http.Reply lacking = admin.upload(zipShapefile(shp, dir.resolve("nodbf.zip"), List.of("dbf")), Map.of("collection", "ditch"));
        assertThat(lacking.status()).isEqualTo(422);
        assertThat(lacking.json().get("detail").asString()).contains("survey.dbf");

        Path traversal = ImportClient.zip(dir.resolve("evil.zip"), Map.of("survey.shp", shp, "../../etc/survey.dbf",
                shp.resolveSibling("survey.dbf"), "survey.shx", shp.resolveSibling("survey.shx")));
        Http.Reply climbing = admin.upload(traversal, Map.of("collection", "ditch"));
        assertThat(climbing.status()).isEqualTo(422);
        assertThat(climbing.json().get("detail").asString()).contains("../../etc/survey.dbf");

        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("survey.dbf"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        Http.Reply exploded = admin.upload(bomb, Map.of("collection", "ditch"));
        assertThat(exploded.status()).isEqualTo(413);
        assertThat(exploded.json().get("detail").asString()).contains("zip bomb");

        Http.Reply strange = admin.upload("notes.docx", new byte[] { 1, 2, 3 }, Map.of("collection", "ditch"));
        assertThat(strange.status()).isEqualTo(422);
        Set<Path> left = importFolders();
        left.removeAll(before);
        assertThat(left).as("refused uploads leave no files behind").isEmpty();
    }

    /** The folders imports keep their uploads in, now (another Hetu on this machine may keep its own there). */
    private static Set<Path> importFolders() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("hetu-import-")).collect(Collectors.toCollection(HashSet::new));
        }
    }

    @Test
    void aRestartFailsUnfinishedJobsAndUnclaimedReportsExpire() {
        UUID running = UUID.randomUUID();
        UUID forgotten = UUID.randomUUID();
        for (UUID id : List.of(running, forgotten)) {
            jdbc.sql("CREATE TABLE " + Staging.qualified(id) + " (ogc_fid serial, geom geometry)").update();
        }
        jdbc.sql("INSERT INTO import_job (id, username, file_name, target, state) VALUES (?, 'admin', 'a.zip', 'ditch', 'committing')")
            .param(running).update();
        jdbc.sql("INSERT INTO import_job (id, username, file_name, target, state, updated_at) "
                + "VALUES (?, 'admin', 'b.zip', 'ditch', 'ready', now() - interval '25 hours')").param(forgotten).update();
        jobs.failInterrupted();
        jobs.expireAbandoned();
        assertThat(admin.job(running.toString()).get("state").asString()).isEqualTo("failed");
        assertThat(admin.job(forgotten.toString()).get("state").asString()).isEqualTo("cancelled");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'import_staging' AND tablename IN (?, ?)")
            .params(Staging.table(running), Staging.table(forgotten)).query(Long.class).single()).isZero();
    }

    @Test
    void importingNeedsEditRightsAndCreatingALayerNeedsAnAdministrator(@TempDir Path dir) {
        Path zip = zipShapefile(surveyorsShapefile(dir, "RG-", 2, "EPSG:4527"), dir.resolve("rights.zip"), List.of());
        TestAccounts.viewer(http);
        TestAccounts.waterEditor(http);
        TestAccounts.natresEditor(http);
        ImportClient viewer = new ImportClient(http, "viewer", TestAccounts.PASSWORD);
        ImportClient water = new ImportClient(http, "water_editor", TestAccounts.PASSWORD);
        ImportClient natres = new ImportClient(http, "natres_editor", TestAccounts.PASSWORD);
        assertThat(viewer.upload(zip, Map.of("collection", "ditch")).status()).isEqualTo(403);
        assertThat(water.upload(zip, Map.of("newLayer", "my_layer")).status()).isEqualTo(403);

        JsonNode job = water.uploadReady(zip, Map.of("collection", "ditch"));
        JsonNode done = water.commit(job.get("id").asString(), "{}");
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("committed");
        assertThat(jdbc.sql("SELECT count(*) FROM ditch WHERE code LIKE 'RG-%' AND department = 'water' AND created_by = 'water_editor'")
            .query(Long.class).single()).isEqualTo(2);

        JsonNode other = natres.uploadReady(zip, Map.of("collection", "land_parcel", "crs", "EPSG:4527"));
        assertThat(admin.job(other.get("id").asString()).get("state").asString()).isEqualTo("ready");
        JsonNode foreign = water.job(other.get("id").asString());
        assertThat(foreign.has("status") ? foreign.get("status").asInt() : 200).isEqualTo(404);
    }

}
