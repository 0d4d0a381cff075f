package cn.hetu.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;

import static cn.hetu.imports.ImportClient.gdal;
import static cn.hetu.imports.ImportClient.zipShapefile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hetu for another county, set up by its profile file alone: 试验县, a made-up county around 114°E in CGCS2000
 * Gauss-Krüger zone 38 (not the demo's 39), with other towns, departments and time zone, on a database of its
 * own ({@link TrialCounty}). A surveyor's file in its zone is imported, found by search, served in its zone and counted.
 */
class SecondCountyTests {

    private static final String WGS84_DITCHES = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"LineString","coordinates":[[113.90,34.72],[113.93,34.73]]},"properties":{"code":"SY-1","name":"甲城东沟","class":"large"}},
            {"type":"Feature","geometry":{"type":"LineString","coordinates":[[114.00,34.70],[114.02,34.66]]},"properties":{"code":"SY-2","name":"乙河中沟","class":"medium"}},
            {"type":"Feature","geometry":{"type":"LineString","coordinates":[[113.85,34.80],[113.88,34.82]]},"properties":{"code":"SY-3","name":"西甲中沟","class":"medium"}}]}
            """;

    private static Http admin;

    private static JdbcClient jdbc;

    @BeforeAll
    static void startHetuForTheTrialCounty() throws Exception {
        admin = TrialCounty.admin();
        jdbc = TrialCounty.jdbc();
    }

    @Test
    void theTrialCountyIsServedFromItsProfile() {
        JsonNode county = admin.anonymous().get("/api/v1/county").json();
        assertThat(county.get("nameZh").asString()).isEqualTo("试验县");
        assertThat(county.get("gkZones").toString()).isEqualTo("[38]");
        assertThat(county.get("timeZone").asString()).isEqualTo("Asia/Urumqi");
        assertThat(jdbc.sql("SELECT county_time_zone()").query(String.class).single()).isEqualTo("Asia/Urumqi");
        assertThat(admin.anonymous().get("/api/v1/config").json().get("center").toString()).isEqualTo("[113.95,34.75]");
        assertThat(admin.anonymous().get("/api/v1/basemap/towns.geojson").json().at("/features/1/properties/name").asString())
            .isEqualTo("乙河乡");
        assertThat(admin.anonymous().get("/api/v1/departments").body()).contains("试验县农业农村局", "试验县水务局");
        assertThat(admin.get("/ogc/collections/ditch").json().get("crs").toString())
            .contains("EPSG/0/4526", "EPSG/0/4547").doesNotContain("EPSG/0/4527", "EPSG/0/4548");
        assertThat(admin.get("/ogc/api").body()).contains("EPSG/0/4526");
    }

    @Test
    void aSurveyorsFileInZone38IsImportedFoundServedInTheZoneAndCounted(@TempDir Path dir) throws Exception {
        Path geojson = Files.writeString(dir.resolve("trial.geojson"), WGS84_DITCHES);
        // Metres in zone 38 without the zone number and without a .prj, as survey offices often hand them over.
        Path shp = dir.resolve("trial.shp");
        gdal("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4547", shp.toString(),
                geojson.toString());
        ImportClient importer = new ImportClient(admin, "admin", Http.ADMIN_PASSWORD);
        JsonNode job = importer.uploadReady(zipShapefile(shp, dir.resolve("trial.zip"), List.of("prj")),
                Map.of("collection", "ditch"));
        assertThat(job.at("/source/crs/origin").asString()).isEqualTo("guessed");
        assertThat(job.at("/source/crs/epsg").asInt()).as("a six-digit X is the county's own zone").isEqualTo(4547);
        assertThat(job.at("/report/insideCounty").asLong()).isEqualTo(3);
        assertThat(job.at("/report/likelyWrongCrs").asBoolean()).isFalse();
        JsonNode done = importer.commit(job.get("id").asString(), "{\"defaults\":{\"department\":\"agri\"}}");
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("committed");
        assertThat(done.at("/result/inserted").asLong()).isEqualTo(3);

        // Data of the demo county (zone 39) lies outside this one.
        Path demo = dir.resolve("demo.shp");
        gdal("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:4527", demo.toString(), "geodata/ditch.geojson",
                "-dialect", "SQLite", "-sql", "SELECT code, name, class, geometry FROM ditch LIMIT 3");
        JsonNode elsewhere = importer.uploadReady(zipShapefile(demo, dir.resolve("demo.zip"), List.of()),
                Map.of("collection", "ditch"));
        assertThat(elsewhere.at("/report/insideCounty").asLong()).isZero();
        assertThat(elsewhere.at("/report/likelyWrongCrs").asBoolean()).isTrue();
        assertThat(importer.post("/api/v1/imports/" + elsewhere.get("id").asString() + "/cancel", null).status()).isEqualTo(200);

        // Drawn on the map: inside the county it is taken, at the demo county's place it is refused.
        String drawn = """
                {"type":"Feature","geometry":{"type":"LineString","coordinates":[[%s],[%s]]},
                 "properties":{"code":"SY-%s","name":"乙河新沟","department":"water","class":"medium"}}""";
        assertThat(admin.post("/ogc/collections/ditch/items", drawn.formatted("114.05,34.69", "114.06,34.70", "4")).status())
            .isEqualTo(201);
        Http.Reply outside = admin.post("/ogc/collections/ditch/items", drawn.formatted("116.30,33.20", "116.31,33.21", "5"));
        assertThat(outside.status()).as(outside.body()).isEqualTo(400);
        assertThat(outside.body()).contains("113.6");

        JsonNode hits = admin.get("/api/v1/search?q=" + ImportClient.encode("乙河")).json();
        assertThat(hits.toString()).contains("乙河中沟", "乙河新沟");

        // In zone 38 with the zone number: northing first, easting with 38 in front, 500 km at 114°E.
        JsonNode inZone = admin.get("/ogc/collections/ditch/items?crs=EPSG:4526&filter=" + ImportClient.encode("code = 'SY-2'"))
            .json();
        JsonNode first = inZone.at("/features/0/geometry/coordinates/0");
        assertThat(first.get(0).asDouble()).isBetween(3_830_000.0, 3_850_000.0);
        assertThat(first.get(1).asDouble()).isBetween(38_499_000.0, 38_501_000.0);
        assertThat(admin.get("/ogc/collections/ditch/items?bbox-crs=EPSG:4547&bbox=3800000,495000,3900000,510000").json()
            .get("features")).as("a bbox in the zone without its number, northing first").hasSize(2);

        long ditches = 0;
        for (JsonNode byStatus : admin.get("/api/v1/stats/counts").json().get("ditch")) {
            ditches += byStatus.asLong();
        }
        assertThat(ditches).as("the dashboard's count").isEqualTo(4);
        Http.Reply overview = admin.get("/api/v1/stats/overview");
        assertThat(overview.status()).as(overview.body()).isEqualTo(200);
    }

}
