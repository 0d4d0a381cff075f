package cn.hetu.ogcapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

@RegistryTest
class OgcApiTests {

    private static final List<String> COLLECTIONS = List.of("river_segment", "ditch", "sluice", "bridge", "road_node",
            "land_parcel", "water_plant", "pipeline", "dike", "warning_station", "project", "investment_project", "enterprise",
            "service_station", "basic_farmland", "ecological_redline", "urban_boundary", "cultivated_land", "enforcement_patch",
            "patrol_grid");

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void landingPageLinksToTheApiDefinitionConformanceAndData() {
        Http.Reply landing = http.get("/ogc");
        assertThat(landing.status()).isEqualTo(200);
        List<String> rels = new ArrayList<>();
        landing.json().get("links").forEach(l -> rels.add(l.get("rel").asString()));
        assertThat(rels).contains("self", "service-desc", "service-doc", "conformance", "data");
        for (JsonNode link : landing.json().get("links")) {
            assertThat(link.get("href").asString()).startsWith(http.base());
        }
        assertThat(http.get("/ogc/conformance").json().get("conformsTo").toString())
            .contains("ogcapi-features-1/1.0/conf/core", "conf/geojson", "conf/oas30");
    }

    @Test
    void apiDefinitionDescribesEveryCollection() {
        Http.Reply api = http.get("/ogc/api");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.contentType()).startsWith("application/vnd.oai.openapi+json");
        assertThat(api.json().get("openapi").asString()).startsWith("3.0");
        for (String id : COLLECTIONS) {
            assertThat(api.json().get("paths").has("/collections/" + id + "/items")).as(id).isTrue();
        }
    }

    /** A route added under /ogc without its lines in the API definition fails here. */
    @Test
    void apiDefinitionDescribesEveryRouteSpringServes() {
        JsonNode paths = http.get("/ogc/api").json().get("paths");
        List<String> missing = new ArrayList<>();
        handlers.getHandlerMethods().keySet().forEach(mapping -> {
            Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            for (String pattern : mapping.getPathPatternsCondition().getPatternValues()) {
                if (!pattern.equals("/ogc") && !pattern.startsWith("/ogc/")) {
                    continue;
                }
                String path = pattern.equals("/ogc") ? "/" : pattern.substring("/ogc".length());
                for (String collection : List.of("ditch", "patrol")) {
                    String described = path.replace("{collectionId}", collection);
                    boolean drawn = !collection.equals("patrol") || !path.matches(".*/(tiles|styles)(/.*)?");
                    for (RequestMethod method : methods) {
                        boolean offered = !collection.equals("patrol") || method == RequestMethod.GET;
                        JsonNode item = paths.get(described);
                        if (drawn && offered && (item == null || !item.has(method.name().toLowerCase()))) {
                            missing.add(method + " " + described);
                        }
                    }
                }
            }
        });
        assertThat(missing).isEmpty();
        assertThat(paths.get("/collections/patrol/tiles")).as("records have no tiles").isNull();
        JsonNode tile = paths.get("/collections/ditch/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}").get("get");
        assertThat(tile.get("responses").get("200").get("content").has("application/vnd.mapbox-vector-tile")).isTrue();
        List<String> parameters = new ArrayList<>();
        tile.get("parameters").forEach(p -> parameters.add(p.get("name").asString()));
        assertThat(parameters).contains("tileMatrixSetId", "tileMatrix", "tileRow", "tileCol");
    }

    @Test
    void listsEveryCollectionWithItsExtent() {
        JsonNode collections = http.get("/ogc/collections").json().get("collections");
        List<String> ids = new ArrayList<>();
        collections.forEach(c -> ids.add(c.get("id").asString()));
        assertThat(ids).containsAll(COLLECTIONS).contains("patrol", "patrol_issue").hasSize(COLLECTIONS.size() + 2);
        JsonNode sluice = http.get("/ogc/collections/sluice").json();
        JsonNode bbox = sluice.get("extent").get("spatial").get("bbox").get(0);
        assertThat(bbox.get(0).asDouble()).isBetween(116.0, 116.6);
        assertThat(bbox.get(3).asDouble()).isBetween(33.0, 33.5);
        assertThat(sluice.get("title").asString()).isEqualTo("水闸");
        assertThat(http.get("/ogc/collections/sluice", "Accept-Language", "en").json().get("title").asString())
            .isEqualTo("Sluices");
    }

    @Test
    void everyCollectionServesValidGeoJson() {
        for (String id : COLLECTIONS) {
            Http.Reply page = http.get("/ogc/collections/" + id + "/items?limit=10000");
            assertThat(page.status()).as(id).isEqualTo(200);
            assertThat(page.contentType()).as(id).startsWith("application/geo+json");
            JsonNode body = page.json();
            assertThat(body.get("type").asString()).isEqualTo("FeatureCollection");
            long rows = jdbc.sql("SELECT count(*) FROM " + id).query(Long.class).single();
            assertThat(body.get("numberMatched").asLong()).as(id).isEqualTo(rows);
            assertThat(body.get("features").size()).as(id).isEqualTo(body.get("numberReturned").asInt());
            for (JsonNode feature : body.get("features")) {
                assertThat(feature.get("type").asString()).isEqualTo("Feature");
                assertThat(feature.get("id").isNumber()).isTrue();
                assertThat(feature.get("properties").get("code").isString()).isTrue();
                JsonNode geometry = feature.get("geometry");
                if (!geometry.isNull()) {
                    assertThat(geometry.get("type").asString()).isIn("Point", "LineString", "MultiPolygon", "Polygon",
                            "MultiLineString", "MultiPoint");
                    assertThat(geometry.get("coordinates").isArray()).isTrue();
                }
            }
        }
    }

    @Test
    void sluicesIncludeEveryNamedSluice() {
        JsonNode features = http.get("/ogc/collections/sluice/items?limit=100").json().get("features");
        Set<String> names = new HashSet<>();
        features.forEach(f -> names.add(f.get("properties").get("name").asString()));
        assertThat(names).contains("节制闸", "分洪闸", "朱楼闸", "燕小庙闸", "武家河闸", "五道沟闸", "青羊沟闸", "岭子沟闸",
                "小胡闸", "北拖江沟闸", "齐营闸", "栗小寨闸", "宝冢寺闸", "白膏沟闸", "拖江沟闸", "白羊沟闸", "包河闸", "曹市闸");
    }

    @Test
    void nextLinksWalkEveryFeatureExactlyOnce() {
        List<Long> ids = new ArrayList<>();
        String url = "/ogc/collections/ditch/items?limit=50";
        int pages = 0;
        while (url != null) {
            JsonNode page = http.get(url).json();
            page.get("features").forEach(f -> ids.add(f.get("id").asLong()));
            url = null;
            for (JsonNode link : page.get("links")) {
                if (link.get("rel").asString().equals("next")) {
                    url = link.get("href").asString();
                }
            }
            pages++;
        }
        long total = jdbc.sql("SELECT count(*) FROM ditch").query(Long.class).single();
        assertThat(ids).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo((int) Math.ceil(total / 50.0));
    }

    @Test
    void prevLinksWalkBackToTheFirstPage() {
        String url = "/ogc/collections/ditch/items?limit=50&treated=false";
        String last = url;
        for (String next = url; next != null; next = link(http.get(next).json(), "next")) {
            last = next;
        }
        List<Long> ids = new ArrayList<>();
        for (String previous = last; previous != null;) {
            JsonNode page = http.get(previous).json();
            List<Long> onPage = new ArrayList<>();
            page.get("features").forEach(f -> onPage.add(f.get("id").asLong()));
            assertThat(onPage).as("each page in id order").isSorted();
            ids.addAll(0, onPage);
            assertThat(link(page, "next") != null || previous.equals(last)).isTrue();
            previous = link(page, "prev");
        }
        List<Long> expected = jdbc.sql("SELECT id FROM ditch WHERE NOT treated ORDER BY id").query(Long.class).list();
        assertThat(ids).isEqualTo(expected);
        assertThat(http.get(url + "&after=1&before=9").status()).isEqualTo(400);
    }

    private static String link(JsonNode page, String rel) {
        for (JsonNode link : page.get("links")) {
            if (link.get("rel").asString().equals(rel)) {
                return link.get("href").asString();
            }
        }
        return null;
    }

    @Test
    void bboxReturnsExactlyTheFeaturesThatIntersectIt() {
        String bbox = "116.2,33.1,116.4,33.3";
        Set<Long> served = new HashSet<>();
        http.get("/ogc/collections/land_parcel/items?limit=10000&bbox=" + bbox).json().get("features")
            .forEach(f -> served.add(f.get("id").asLong()));
        List<Long> expected = jdbc.sql("""
                SELECT id FROM land_parcel WHERE ST_Intersects(geom, ST_MakeEnvelope(116.2, 33.1, 116.4, 33.3, 4490))""")
            .query(Long.class)
            .list();
        assertThat(served).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
        long total = jdbc.sql("SELECT count(*) FROM land_parcel").query(Long.class).single();
        assertThat((long) served.size()).isLessThan(total);
    }

    @Test
    void filtersByPropertyValue() {
        JsonNode body = http.get("/ogc/collections/bridge/items?condition=dangerous&limit=1000").json();
        assertThat(body.get("numberMatched").asInt()).isEqualTo(36);
        body.get("features").forEach(f -> assertThat(f.get("properties").get("condition").asString()).isEqualTo("dangerous"));
        assertThat(http.get("/ogc/collections/ditch/items?treated=true&limit=1").json().get("numberMatched").asInt())
            .isEqualTo(135);
    }

    @Test
    void filtersProjectsByTheirPlannedPeriod() {
        JsonNode body = http.get("/ogc/collections/project/items?datetime=2024-06-01").json();
        long expected = jdbc.sql("""
                SELECT count(*) FROM project WHERE planned_start <= DATE '2024-06-01'
                AND COALESCE(planned_end, planned_start) >= DATE '2024-06-01'""").query(Long.class).single();
        assertThat(body.get("numberMatched").asLong()).isEqualTo(expected).isPositive();
    }

    @Test
    void servesOneFeatureWithItsLinks() {
        long id = jdbc.sql("SELECT id FROM sluice WHERE name = '朱楼闸'").query(Long.class).single();
        Http.Reply feature = http.get("/ogc/collections/sluice/items/" + id);
        assertThat(feature.status()).isEqualTo(200);
        assertThat(feature.contentType()).startsWith("application/geo+json");
        assertThat(feature.json().get("properties").get("name").asString()).isEqualTo("朱楼闸");
        assertThat(feature.json().get("geometry").get("type").asString()).isEqualTo("Point");
        assertThat(feature.json().get("links").toString()).contains("\"rel\":\"self\"", "\"rel\":\"collection\"");
    }

    @Test
    void linksHonourTheProxyHeaders() {
        JsonNode body = http.get("/ogc/collections/sluice/items?limit=5", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "gis.example.gov.cn", "X-Forwarded-Prefix", "/hetu").json();
        assertThat(body.get("links").get(0).get("href").asString())
            .startsWith("https://gis.example.gov.cn/hetu/ogc/collections/sluice/items");
    }

    @Test
    void unknownCollectionsAndFeaturesAreNotFound() {
        Http.Reply collection = http.get("/ogc/collections/nope/items");
        assertThat(collection.status()).isEqualTo(404);
        assertThat(collection.contentType()).startsWith("application/problem+json");
        assertThat(collection.json().get("detail").asString()).contains("nope");
        assertThat(http.get("/ogc/collections/sluice/items/99999999").status()).isEqualTo(404);
        assertThat(http.get("/ogc/collections/sluice/items/abc").status()).isEqualTo(404);
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        assertProblem("/ogc/collections/sluice/items?bbox=116,33,116.5", "bbox");
        assertProblem("/ogc/collections/sluice/items?bbox=116,33.5,116.5,33", "bbox");
        assertProblem("/ogc/collections/sluice/items?limit=0", "limit");
        assertProblem("/ogc/collections/sluice/items?limit=many", "limit");
        assertProblem("/ogc/collections/sluice/items?datetime=yesterday", "datetime");
        assertProblem("/ogc/collections/sluice/items?colour=red", "colour");
        assertProblem("/ogc/collections/sluice/items?safety_class=high", "safety_class");
        assertProblem("/ogc/collections/sluice/items?f=xml", "f");
    }

    @Test
    void limitAboveTheMaximumIsClampedNotRefused() {
        JsonNode body = http.get("/ogc/collections/ditch/items?limit=20000").json();
        assertThat(body.get("numberReturned").asInt()).isEqualTo(544);
    }

    @Test
    void queryablesListTheFilterableProperties() {
        Http.Reply queryables = http.get("/ogc/collections/sluice/queryables");
        assertThat(queryables.status()).isEqualTo(200);
        JsonNode properties = queryables.json().get("properties");
        assertThat(properties.get("safety_class").get("type").asString()).isEqualTo("integer");
        assertThat(properties.get("appraised_on").get("format").asString()).isEqualTo("date");
        assertThat(properties.has("attributes")).isFalse();
    }

    @Test
    void everyServedFeatureLiesInsideItsCollectionsAdvertisedExtent() {
        for (JsonNode collection : http.get("/ogc/collections").json().get("collections")) {
            String id = collection.get("id").asString();
            JsonNode box = collection.path("extent").path("spatial").path("bbox").path(0);
            if (box.isMissingNode()) {
                continue;
            }
            for (JsonNode feature : http.get("/ogc/collections/" + id + "/items?limit=10000").json().get("features")) {
                JsonNode coordinates = feature.path("geometry").path("coordinates");
                if (coordinates.isMissingNode()) {
                    continue; // a project without a footprint
                }
                for (double[] position : positions(coordinates, new ArrayList<>())) {
                    assertThat(position[0]).as(id + " " + feature.get("id") + " longitude")
                        .isBetween(box.get(0).asDouble(), box.get(2).asDouble());
                    assertThat(position[1]).as(id + " " + feature.get("id") + " latitude")
                        .isBetween(box.get(1).asDouble(), box.get(3).asDouble());
                }
            }
        }
    }

    private static List<double[]> positions(JsonNode coordinates, List<double[]> into) {
        if (coordinates.get(0).isNumber()) {
            into.add(new double[] { coordinates.get(0).asDouble(), coordinates.get(1).asDouble() });
        }
        else {
            coordinates.forEach(c -> positions(c, into));
        }
        return into;
    }

    private void assertProblem(String url, String parameter) {
        Http.Reply reply = http.get(url);
        assertThat(reply.status()).as(url).isEqualTo(400);
        assertThat(reply.contentType()).as(url).startsWith("application/problem+json");
        assertThat(reply.json().get("parameter").asString()).as(url).isEqualTo(parameter);
        assertThat(reply.json().get("detail").asString()).as(url).isNotBlank();
    }

}
