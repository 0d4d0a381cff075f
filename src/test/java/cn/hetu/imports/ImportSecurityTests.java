package cn.hetu.imports;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;
import cn.hetu.catalog.Catalog;

import static cn.hetu.imports.ImportClient.gdal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files that are not what their names say, as a hostile editor sends them: GDAL virtual layers
 * (VRT) over the database, over a local file and over the network, nested /vsizip/ and /vsicurl/
 * paths, zips, GeoPackages and KML carrying such strings. Each is refused with a 4xx naming the
 * file (or imported as harmless data), never shows an account row or a file's content, and never
 * makes the server send a request: a listener on 127.0.0.1 counts what reaches it.
 */
@RegistryTest
class ImportSecurityTests {

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*");

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Catalog catalog;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String user;

    private ImportClient editor;

    private HttpServer listener;

    private final List<String> requests = new CopyOnWriteArrayList<>();

    private String secret;

    private Path secretFile;

    private ImportedData imported;

    @BeforeEach
    void setUp(@TempDir Path dir) throws IOException {
        imported = new ImportedData(jdbc, transaction, catalog);
        TestAccounts.waterEditor(http);
        editor = new ImportClient(http, "water_editor", TestAccounts.PASSWORD);
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        listener.start();
        secret = "HETU-SECRET-" + UUID.randomUUID();
        secretFile = Files.writeString(dir.resolve("secret.txt"), "token,value\n" + secret + ",1\n");
    }

    @AfterEach
    void tearDown() {
        listener.stop(0);
        imported.remove();
    }

    private String listenerUrl(String path) {
        return "http://127.0.0.1:" + listener.getAddress().getPort() + path;
    }

    /** The database as libpq names it, without a password: GDAL would take that from PGPASSWORD. */
    private String pgSource() {
        Matcher m = JDBC_URL.matcher(url);
        assertThat(m.matches()).isTrue();
        return "PG:host=" + m.group(1) + " port=" + (m.group(2) == null ? "5432" : m.group(2)) + " dbname=" + m.group(3)
                + " user=" + user;
    }

    private static String vrt(String source, String layer, String sql) {
        return "<OGRVRTDataSource><OGRVRTLayer name=\"leak\"><SrcDataSource>" + source + "</SrcDataSource>"
                + (layer == null ? "" : "<SrcLayer>" + layer + "</SrcLayer>")
                + (sql == null ? "" : "<SrcSQL>" + sql + "</SrcSQL>") + "</OGRVRTLayer></OGRVRTDataSource>";
    }

    private String accountVrt() {
        return vrt(pgSource(), null, "SELECT username, password_hash FROM account");
    }

    @Test
    void aVirtualLayerOverTheDatabaseNamedGeoJsonIsRefusedAndShowsNoAccount() {
        assertRefused(editor.upload("parcels.geojson", bytes(accountVrt()), Map.of("collection", "ditch")), "parcels.geojson");
        assertRefused(editor.upload("parcels.json", bytes(accountVrt()), Map.of("collection", "ditch")), "parcels.json");
        // A VRT in GeoJSON's clothes: valid JSON, but not a FeatureCollection.
        assertRefused(editor.upload("wrapped.geojson", bytes("{\"type\":\"OGRVRTDataSource\",\"src\":\"" + pgSource() + "\"}"),
                Map.of("collection", "ditch")), "wrapped.geojson");
    }

    @Test
    void aVirtualLayerReadingALocalFileThroughTheCsvDriverIsRefusedAndShowsNothingOfIt() {
        String csv = vrt("CSV:" + secretFile, "secret", null);
        assertRefused(editor.upload("points.csv", bytes(csv), Map.of("collection", "ditch")), "points.csv");
        assertRefused(editor.upload("points.kml", bytes(csv), Map.of("collection", "ditch")), "points.kml");
        String passwd = vrt("CSV:/etc/passwd", "passwd", null);
        assertRefused(editor.upload("passwd.geojson", bytes(passwd), Map.of("collection", "ditch")), "passwd.geojson");
    }

    @Test
    void vsicurlAndNestedVsizipPathsNeverReachTheNetwork(@TempDir Path dir) throws IOException {
        String curl = vrt("/vsicurl/" + listenerUrl("/roads.csv"), "roads", null);
        assertRefused(editor.upload("roads.kml", bytes(curl), Map.of("collection", "ditch")), "roads.kml");
        String nested = vrt("/vsizip//vsicurl/" + listenerUrl("/inner.zip") + "/layer.geojson", "layer", null);
        assertRefused(editor.upload("nested.geojson", bytes(nested), Map.of("collection", "ditch")), "nested.geojson");
        Path vrtFile = Files.writeString(dir.resolve("layer.geojson"), nested);
        Path zip = ImportClient.zip(dir.resolve("nested.zip"), Map.of("data/layer.geojson", vrtFile));
        assertRefused(editor.upload(zip, Map.of("collection", "ditch")), "nested.zip", "data/layer.geojson");
        // A GeoJSON whose CRS is a link: GDAL would fetch it, wherever it points.
        String linked = """
                {"type":"FeatureCollection","crs":{"type":"link","properties":{"href":"%s","type":"proj4"}},
                 "features":[{"type":"Feature","properties":{"code":"LK-1"},"geometry":{"type":"Point","coordinates":[116.2,33.2]}}]}"""
            .formatted(listenerUrl("/crs"));
        assertRefused(editor.upload("linked.geojson", bytes(linked), Map.of("collection", "ditch")), "linked.geojson");
        String inGeometry = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"crs":"a column, kept"},
                 "geometry":{"type":"Point","crs":{"type":"name","properties":{"name":"EPSG:4490"}},"coordinates":[116.2,33.2]}},
                {"type":"Feature","properties":{},
                 "geometry":{"type":"Point","crs":{"type":"link","properties":{"href":"%s"}},"coordinates":[116.2,33.2]}}]}"""
            .formatted(listenerUrl("/geometry-crs"));
        assertRefused(editor.upload("geometry.geojson", bytes(inGeometry), Map.of("collection", "ditch")), "geometry.geojson");
        String named = linked.replace("\"type\":\"link\"", "\"type\":\"name\"").replace("\"href\"", "\"name\"");
        assertRefused(editor.upload("named.geojson", bytes(named), Map.of("collection", "ditch")), "named.geojson");
    }

    @Test
    void aZipCarryingAVirtualShapefileOrHostilePrjAndCpgIsRefused(@TempDir Path dir) throws IOException {
        Path fake = Files.writeString(dir.resolve("fake.shp"), accountVrt());
        Path zip = ImportClient.zip(dir.resolve("survey.zip"), Map.of("survey.shp", fake, "survey.shx", fake, "survey.dbf", fake));
        assertRefused(editor.upload(zip, Map.of("collection", "ditch")), "survey.zip", "survey.shp");

        Path shp = dir.resolve("real.shp");
        gdal("ogr2ogr", "-f", "ESRI Shapefile", shp.toString(), "geodata/ditch.geojson", "-dialect", "SQLite", "-sql",
                "SELECT 'PJ-' || code AS code, name, geometry FROM ditch ORDER BY code LIMIT 2");
        Map<String, String> prjs = new LinkedHashMap<>();
        prjs.put("prj", "/vsicurl/" + listenerUrl("/prj"));
        prjs.put("cpg", pgSource());
        for (Map.Entry<String, String> hostile : prjs.entrySet()) {
            Path part = Files.writeString(dir.resolve("hostile." + hostile.getKey()), hostile.getValue());
            Map<String, Path> entries = new LinkedHashMap<>();
            for (String extension : List.of("shp", "shx", "dbf")) {
                entries.put("real." + extension, shp.resolveSibling("real." + extension));
            }
            entries.put("real." + hostile.getKey(), part);
            Path hostileZip = ImportClient.zip(dir.resolve(hostile.getKey() + ".zip"), entries);
            assertRefused(editor.upload(hostileZip, Map.of("collection", "ditch")), hostile.getKey() + ".zip",
                    "." + hostile.getKey());
        }
    }

    @Test
    void aGeoPackageThatIsSomethingElseOrNamesALayerLikeAnOptionIsRefused(@TempDir Path dir) throws IOException {
        assertRefused(editor.upload("wells.gpkg", bytes(accountVrt()), Map.of("collection", "ditch")), "wells.gpkg");
        Path gpkg = dir.resolve("options.gpkg");
        gdal("ogr2ogr", "-f", "GPKG", "-nln", "options", gpkg.toString(), "geodata/ditch.geojson", "-dialect", "SQLite", "-sql",
                "SELECT 'GP-' || code AS code, name, geometry FROM ditch ORDER BY code LIMIT 2");
        // A layer name goes onto ogr2ogr's command line, where this one would read as an option.
        gdal("ogrinfo", gpkg.toString(), "-sql", "ALTER TABLE options RENAME TO \"-sql\"");
        assertRefused(editor.upload(gpkg, Map.of("collection", "ditch")), "options.gpkg", "-sql");

        // Strings a GeoPackage holds are data: an SRS definition pointing at the network and a description naming
        // the database are never followed, and the features come in as they are.
        Path strings = dir.resolve("strings.gpkg");
        gdal("ogr2ogr", "-f", "GPKG", "-nln", "strings", strings.toString(), "geodata/ditch.geojson", "-dialect", "SQLite",
                "-sql", "SELECT 'GS-' || code AS code, name, geometry FROM ditch ORDER BY code LIMIT 2");
        gdal("ogrinfo", strings.toString(), "-sql", "UPDATE gpkg_spatial_ref_sys SET definition = '" + listenerUrl("/srs")
                + "' WHERE srs_id = 4326");
        gdal("ogrinfo", strings.toString(), "-sql", "UPDATE gpkg_contents SET description = '" + pgSource() + "'");
        Http.Reply reply = editor.upload(strings, Map.of("collection", "ditch"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        JsonNode job = editor.waitWhile(reply.json().get("id").asString(), "loading");
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("ready");
        assertThat(job.at("/report/featureCount").asLong()).isEqualTo(2);
        assertNoLeak(job.toString());
        assertThat(requests).isEmpty();
    }

    @Test
    void aKmlOrKmzWithANetworkLinkIsRefusedWithoutAnyRequest(@TempDir Path dir) throws IOException {
        String kml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <kml xmlns="http://www.opengis.net/kml/2.2"><Document>
                <Placemark><name>NL-1</name><Point><coordinates>116.2,33.2</coordinates></Point></Placemark>
                <NetworkLink><name>more</name><Link><href>%s</href></Link></NetworkLink>
                </Document></kml>""".formatted(listenerUrl("/more.kml"));
        assertRefused(editor.upload("patrol.kml", bytes(kml), Map.of("collection", "ditch")), "patrol.kml", "NetworkLink");
        Path doc = Files.writeString(dir.resolve("doc.kml"), kml);
        Path kmz = ImportClient.zip(dir.resolve("patrol.kmz"), Map.of("doc.kml", doc));
        assertRefused(editor.upload(kmz, Map.of("collection", "ditch")), "patrol.kmz", "NetworkLink");
        String entity = """
                <?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file://%s">]>
                <kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&x;</name>
                <Point><coordinates>116.2,33.2</coordinates></Point></Placemark></kml>""".formatted(secretFile);
        assertRefused(editor.upload("entity.kml", bytes(entity), Map.of("collection", "ditch")), "entity.kml", "DTD");
        String option = """
                <?xml version="1.0" encoding="UTF-8"?>
                <kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>--config</name>
                <Placemark><name>OP-1</name><Point><coordinates>116.2,33.2</coordinates></Point></Placemark>
                </Folder></Document></kml>""";
        assertRefused(editor.upload("option.kml", bytes(option), Map.of("collection", "ditch")), "option.kml", "--config");
    }

    @Test
    void defaultsAndFieldNamesReachTheTableAsValuesNeverAsSql() {
        String geojson = """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"code":"DF-1","name":"引号沟","it's \\"odd\\"":"kept"},
                 "geometry":{"type":"LineString","coordinates":[[116.2,33.2],[116.21,33.21]]}}]}""";
        Http.Reply reply = editor.upload("quotes.geojson", bytes(geojson), Map.of("collection", "ditch"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        JsonNode job = editor.waitWhile(reply.json().get("id").asString(), "loading");
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("ready");
        String remarks = "O'Brien'); DROP TABLE ditch; -- \\' $$ ::text";
        JsonNode done = editor.commit(job.get("id").asString(), "{\"defaults\":{\"class\":\"large\",\"remarks\":"
                + ImportClient.json(remarks) + "}}");
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("committed");
        assertThat(jdbc.sql("SELECT remarks FROM ditch WHERE code = 'DF-1'").query(String.class).single()).isEqualTo(remarks);
        assertThat(jdbc.sql("SELECT attributes ->> 'it''s \"odd\"' FROM ditch WHERE code = 'DF-1'").query(String.class).single())
            .isEqualTo("kept");
    }

    /** Refused with a problem naming the file and why; nothing secret in the answer or a job; no request made. */
    private void assertRefused(Http.Reply reply, String... named) {
        String seen = reply.body();
        if (reply.status() == 202) {
            seen += editor.waitWhile(reply.json().get("id").asString(), "loading").toString();
        }
        assertNoLeak(seen);
        assertThat(requests).as("requests the server made to 127.0.0.1 for " + named[0]).isEmpty();
        assertThat(reply.status()).as(seen).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        for (String name : named) {
            assertThat(reply.json().get("detail").asString()).contains(name);
        }
    }

    private void assertNoLeak(String seen) {
        List<String> secrets = new ArrayList<>(jdbc.sql("SELECT password_hash FROM account").query(String.class).list());
        secrets.add(secret);
        secrets.add("root:x:0:0");
        for (String s : secrets) {
            assertThat(seen).as("what the editor saw").doesNotContain(s);
        }
        assertThat(seen).doesNotContain("$2a$").doesNotContain("$2b$");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
