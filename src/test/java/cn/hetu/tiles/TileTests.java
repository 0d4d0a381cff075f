package cn.hetu.tiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Condition;

import static org.assertj.core.api.Assertions.assertThat;

@RegistryTest
class TileTests {

    /** The zoom 12 tile over the county seat 城关镇 (116.30 E, 33.25 N). */
    private static final Tile SEAT = new Tile(12, 3371, 1646);

    /** The zoom 10 tile that holds most of the county. */
    private static final Tile COUNTY = new Tile(10, 842, 411);

    /** A bytes reply: tiles are binary, which the text helper {@link Http} would mangle. */
    record Binary(int status, HttpHeaders headers, byte[] body) {

        MvtReader.Layer layer() {
            List<MvtReader.Layer> layers = MvtReader.layers(body);
            assertThat(layers).hasSize(1);
            return layers.get(0);
        }
    }

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Catalog catalog;

    @Autowired
    DataSource dataSource;

    @Autowired
    ObjectMapper json;

    @Test
    void tileOverTheCountySeatHoldsEverySluiceInItsEnvelope() {
        Binary reply = fetch(path("sluice", SEAT));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
        MvtReader.Layer layer = reply.layer();
        assertThat(layer.name()).isEqualTo("sluice");
        assertThat(layer.extent()).isEqualTo(4096);
        List<Long> expected = idsInTile("sluice", SEAT, "true");
        assertThat(expected).isNotEmpty();
        assertThat(layer.ids()).containsExactlyElementsOf(expected);
        assertThat(layer.features()).allSatisfy(f -> assertThat(f.type()).isEqualTo(1));
        MvtReader.Feature first = layer.features().get(0);
        Map<String, Object> row = jdbc.sql("SELECT code, name, status, department FROM sluice WHERE id = ?")
            .param(first.id())
            .query()
            .singleRow();
        assertThat(first.properties()).containsEntry("id", first.id()).containsAllEntriesOf(row);
    }

    @Test
    void featuresCarryTheFieldsTheMapDrawsWith() {
        Map<String, List<String>> symbology = Map.of("sluice", List.of("safety_class"), "bridge", List.of("condition"),
                "land_parcel", List.of("category", "disposal_status"), "ditch", List.of("class", "treated"));
        Tile wholeCounty = new Tile(8, 210, 102);
        symbology.forEach((collection, fields) -> {
            MvtReader.Layer layer = fetch(path(collection, wholeCounty)).layer();
            Set<String> keys = new HashSet<>();
            layer.features().forEach(f -> keys.addAll(f.properties().keySet()));
            assertThat(keys).as(collection).contains("id", "code", "name", "status", "department").containsAll(fields);
        });
        MvtReader.Layer ditches = fetch(path("ditch", SEAT)).layer();
        assertThat(ditches.features()).allSatisfy(f -> assertThat(f.properties().get("treated")).isInstanceOf(Boolean.class));
        assertThat(ditches.features()).allSatisfy(f -> assertThat(f.type()).isEqualTo(2));
        assertThat(fetch(path("land_parcel", SEAT)).layer().features()).allSatisfy(f -> assertThat(f.type()).isEqualTo(3));
    }

    @Test
    void filtersKeepOnlyMatchingFeatures() {
        MvtReader.Layer planned = fetch(path("sluice", COUNTY) + "?status=planned").layer();
        assertThat(planned.ids()).isNotEmpty().containsExactlyElementsOf(idsInTile("sluice", COUNTY, "status = 'planned'"));
        MvtReader.Layer treated = fetch(path("ditch", SEAT) + "?treated=true&department=water").layer();
        assertThat(treated.ids()).isNotEmpty()
            .containsExactlyElementsOf(idsInTile("ditch", SEAT, "treated AND department = 'water'"));
        assertThat(fetch(path("sluice", COUNTY) + "?safety_class=2").layer().ids())
            .containsExactlyElementsOf(idsInTile("sluice", COUNTY, "safety_class = 2"));
    }

    @Test
    void unknownOrMalformedFiltersAreRefusedNamingTheParameter() {
        assertParameterRefused(path("sluice", SEAT) + "?colour=red", "colour");
        assertParameterRefused(path("sluice", SEAT) + "?safety_class=high", "safety_class");
        assertParameterRefused(path("ditch", SEAT) + "?treated=yes", "treated");
        assertParameterRefused(path("sluice", SEAT) + "?status=planned&status=none", "status");
        assertParameterRefused(path("sluice", SEAT) + "?attributes=x", "attributes");
        assertParameterRefused("/tiles/sluice.json?colour=red", "colour");
    }

    @Test
    void emptyTileIsNoContent() {
        Binary reply = fetch("/tiles/sluice/12/0/0.mvt");
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.headers().firstValue("Cache-Control")).hasValue("no-cache, private");
    }

    @Test
    void tileOutsideTheGridIsRefusedNamingTheParameter() {
        assertParameterRefused("/tiles/sluice/23/0/0.mvt", "z");
        assertParameterRefused("/tiles/sluice/-1/0/0.mvt", "z");
        assertParameterRefused("/tiles/sluice/twelve/0/0.mvt", "z");
        assertParameterRefused("/tiles/sluice/0/1/0.mvt", "x");
        assertParameterRefused("/tiles/sluice/12/4096/0.mvt", "x");
        assertParameterRefused("/tiles/sluice/12/3371/4096.mvt", "y");
        assertParameterRefused("/tiles/sluice/12/3371/1e3.mvt", "y");
        assertThat(fetch("/tiles/sluice/22/4194303/4194303.mvt").status()).isEqualTo(204);
    }

    @Test
    void unknownCollectionIsNotFound() {
        assertThat(http.get("/tiles/unicorn/0/0/0.mvt").status()).isEqualTo(404);
        assertThat(http.get("/tiles/account/0/0/0.mvt").status()).isEqualTo(404);
        assertThat(http.get("/tiles/unicorn.json").status()).isEqualTo(404);
    }

    @Test
    void anonymousReadersMustSignIn() {
        assertThat(http.anonymous().get(path("sluice", SEAT)).status()).isEqualTo(401);
        assertThat(http.anonymous().get("/tiles/sluice.json").status()).isEqualTo(401);
    }

    @Test
    void tileWithTheSameEtagIsNotSentAgain() {
        Binary first = fetch(path("land_parcel", SEAT));
        assertThat(first.status()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache, private");
        assertThat(fetch(path("land_parcel", SEAT)).headers().firstValue("ETag")).hasValue(etag);

        Binary again = fetch(path("land_parcel", SEAT), "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(fetch(path("land_parcel", SEAT), "If-None-Match", "\"stale\"").status()).isEqualTo(200);
        assertThat(fetch(path("land_parcel", SEAT) + "?category=idle").headers().firstValue("ETag")).isNotEqualTo(etag);
    }

    @Test
    void featureCapKeepsTheLowestIds() {
        TileProperties properties = new TileProperties(5, Duration.ofSeconds(5), DataSize.ofMegabytes(1), 1_000_000);
        TileCache cache = new TileCache(properties);
        TileStore capped = new TileStore(jdbc, transactions, properties, cache, new TileChanges(jdbc, json, cache));
        TileLayer parcels = TileLayer.of(catalog.get("land_parcel"));
        List<Long> all = idsInTile("land_parcel", COUNTY, "true");
        assertThat(all).hasSizeGreaterThan(5);
        byte[] tile = capped.tile(parcels, COUNTY, Condition.ALL, Map.of()).mvt();
        assertThat(MvtReader.layers(tile).get(0).ids()).containsExactlyElementsOf(all.subList(0, 5));
        assertThat(capped.tile(parcels, COUNTY, Condition.ALL, Map.of()).mvt()).isEqualTo(tile);
    }

    @Test
    void changeMadeStraightInTheDatabaseShowsInTheNextTile() {
        long id = idsInTile("sluice", SEAT, "status <> 'completed'").get(0);
        String before = jdbc.sql("SELECT status FROM sluice WHERE id = ?").param(id).query(String.class).single();
        assertThat(feature(fetch(path("sluice", SEAT)).layer(), id).properties()).containsEntry("status", before);
        try {
            jdbc.sql("UPDATE sluice SET status = 'completed' WHERE id = ?").param(id).update();
            assertThat(feature(fetch(path("sluice", SEAT)).layer(), id).properties()).containsEntry("status", "completed");
        }
        finally {
            jdbc.sql("UPDATE sluice SET status = ? WHERE id = ?").params(before, id).update();
        }
        assertThat(feature(fetch(path("sluice", SEAT)).layer(), id).properties()).containsEntry("status", before);
    }

    @Test
    void featureMovedThroughTheApiLeavesItsOldTileAndReachesItsNewOne() {
        long id = idsInTile("sluice", SEAT, "true").get(0);
        Tile elsewhere = new Tile(12, 3373, 1645);
        assertThat(fetch(path("sluice", SEAT)).layer().ids()).contains(id);
        int before = fetch(path("sluice", elsewhere)).status();
        String geometry = jdbc.sql("SELECT ST_AsGeoJSON(geom) FROM sluice WHERE id = ?").param(id).query(String.class).single();
        try {
            moveSluice(id, "{\"type\":\"Point\",\"coordinates\":[116.50,33.30]}");
            assertThat(fetch(path("sluice", SEAT)).layer().ids()).doesNotContain(id);
            assertThat(fetch(path("sluice", elsewhere)).layer().ids()).contains(id);
        }
        finally {
            moveSluice(id, geometry);
        }
        assertThat(fetch(path("sluice", SEAT)).layer().ids()).contains(id);
        assertThat(fetch(path("sluice", elsewhere)).status()).isEqualTo(before);
    }

    /**
     * A transaction that began before a tile was drawn and commits after later ones must still
     * reach the tile: the changes are found by transaction age, not by the order of their ids.
     */
    @Test
    void changeOfATransactionThatCommitsLateStillReachesTheTile() throws Exception {
        String code = "LATE-" + System.nanoTime();
        try (Connection late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            try (PreparedStatement insert = late.prepareStatement("""
                    INSERT INTO sluice (code, name, geom, status, department, town, scale)
                    VALUES (?, '迟提交闸', ST_SetSRID(ST_MakePoint(116.30, 33.255), 4490), 'planned', 'water', '城关镇', 'small')""")) {
                insert.setString(1, code);
                insert.executeUpdate();
            }
            int before = fetch(path("sluice", SEAT)).layer().ids().size();
            jdbc.sql("UPDATE sluice SET name = name WHERE id = (SELECT min(id) FROM sluice)").update();
            assertThat(fetch(path("sluice", SEAT)).layer().ids()).hasSize(before);
            late.commit();
            long id = jdbc.sql("SELECT id FROM sluice WHERE code = ?").param(code).query(Long.class).single();
            assertThat(fetch(path("sluice", SEAT)).layer().ids()).hasSize(before + 1).contains(id);
        }
        finally {
            jdbc.sql("DELETE FROM sluice WHERE code = ?").param(code).update();
        }
    }

    @Test
    void tileJsonPointsAtTheTilesWithAbsoluteUrls() {
        Http.Reply reply = http.get("/tiles/sluice.json");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode doc = reply.json();
        assertThat(doc.get("tilejson").asString()).isEqualTo("3.0.0");
        assertThat(doc.get("name").asString()).isEqualTo("水闸");
        assertThat(doc.get("tiles").get(0).asString()).isEqualTo(http.base() + "/tiles/sluice/{z}/{x}/{y}.mvt");
        assertThat(doc.get("minzoom").asInt()).isZero();
        assertThat(doc.get("maxzoom").asInt()).isEqualTo(22);
        JsonNode bounds = doc.get("bounds");
        assertThat(bounds.get(0).asDouble()).isBetween(116.0, 116.1);
        assertThat(bounds.get(1).asDouble()).isBetween(33.0, 33.1);
        assertThat(bounds.get(2).asDouble()).isBetween(116.5, 116.6);
        assertThat(bounds.get(3).asDouble()).isBetween(33.4, 33.5);
        JsonNode layer = doc.get("vector_layers").get(0);
        assertThat(layer.get("id").asString()).isEqualTo("sluice");
        assertThat(layer.get("fields").get("safety_class").asString()).isEqualTo("Number");
        assertThat(layer.get("fields").get("code").asString()).isEqualTo("String");

        String url = doc.get("tiles").get(0).asString();
        String seat = url.replace("{z}", "12").replace("{x}", "3371").replace("{y}", "1646");
        assertThat(fetch(seat.substring(http.base().length())).status()).isEqualTo(200);
    }

    @Test
    void tileJsonKeepsTheFiltersAndTheForwardedHost() {
        JsonNode doc = http.get("/tiles/ditch.json?treated=true", "Accept-Language", "en", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "gis.example.cn")
            .json();
        assertThat(doc.get("name").asString()).isEqualTo("Ditches");
        assertThat(doc.get("tiles").get(0).asString())
            .isEqualTo("https://gis.example.cn/tiles/ditch/{z}/{x}/{y}.mvt?treated=true");
        assertThat(doc.get("vector_layers").get(0).get("fields").get("treated").asString()).isEqualTo("Boolean");
    }

    private void assertParameterRefused(String path, String parameter) {
        Http.Reply reply = http.get(path);
        assertThat(reply.status()).as(path).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("parameter").asString()).as(path).isEqualTo(parameter);
    }

    private void moveSluice(long id, String geometry) {
        Http.Reply reply = http.patch("/ogc/collections/sluice/items/" + id, "{\"geometry\":" + geometry + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static MvtReader.Feature feature(MvtReader.Layer layer, long id) {
        return layer.features().stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    private static String path(String collection, Tile tile) {
        return "/tiles/" + collection + "/" + tile.z() + "/" + tile.x() + "/" + tile.y() + ".mvt";
    }

    /** Ids of the features the tile's envelope (with its buffer) touches, straight from the table. */
    private List<Long> idsInTile(String table, Tile tile, String condition) {
        return jdbc
            .sql("SELECT id FROM " + table + " WHERE geom && ST_Transform(ST_TileEnvelope(?, ?, ?, margin => 64.0 / 4096),"
                    + " 4490) AND " + condition + " ORDER BY id")
            .params(tile.z(), tile.x(), tile.y())
            .query(Long.class)
            .list();
    }

    private Binary fetch(String path, String... headers) {
        String credentials = Base64.getEncoder()
            .encodeToString(("admin:" + Http.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + path))
            .header("Authorization", "Basic " + credentials);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Binary(response.statusCode(), response.headers(), response.body());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
