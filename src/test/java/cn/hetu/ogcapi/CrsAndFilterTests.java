package cn.hetu.ogcapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

@RegistryTest
class CrsAndFilterTests {

    private static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void servesGeometriesInTheRequestedCrsWithTheirAxisOrder() {
        long id = jdbc.sql("SELECT id FROM sluice WHERE name = '朱楼闸'").query(Long.class).single();
        double[] lonLat = jdbc.sql("SELECT ST_X(geom), ST_Y(geom) FROM sluice WHERE id = ?")
            .param(id)
            .query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
            .single();
        String url = "/ogc/collections/sluice/items/" + id;
        Http.Reply crs84 = http.get(url);
        assertThat(crs84.headers().firstValue("Content-Crs")).hasValue("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
        assertThat(position(crs84.json())).containsExactly(lonLat[0], lonLat[1]);

        Http.Reply cgcs2000 = http.get(url + "?crs=" + EPSG + "4490");
        assertThat(cgcs2000.headers().firstValue("Content-Crs")).hasValue("<" + EPSG + "4490>");
        assertThat(position(cgcs2000.json())).containsExactly(lonLat[1], lonLat[0]);

        double[] zone = position(http.get(url + "?crs=" + EPSG + "4527").json());
        double[] central = position(http.get(url + "?crs=EPSG:4548").json());
        assertThat(zone[1]).as("easting with the zone number 39").isBetween(39_300_000.0, 39_500_000.0);
        assertThat(zone[1] - 39_000_000).isCloseTo(central[1], offset(0.01));
        assertThat(zone[0]).as("northing").isBetween(3_650_000.0, 3_720_000.0).isCloseTo(central[0], offset(0.01));

        double[] mercator = position(http.get(url + "?crs=" + EPSG + "3857").json());
        assertThat(mercator[0]).isCloseTo(lonLat[0] * 20037508.34 / 180, offset(1.0));
    }

    @Test
    void aBboxInAnotherCrsSelectsTheSameFeatures() {
        Set<Long> lonLat = ids("/ogc/collections/land_parcel/items?limit=10000&bbox=116.2,33.1,116.4,33.3");
        assertThat(lonLat).isNotEmpty();
        assertThat(ids("/ogc/collections/land_parcel/items?limit=10000&bbox=33.1,116.2,33.3,116.4&bbox-crs="
                + EPSG + "4490")).isEqualTo(lonLat);
        String gaussKruger = jdbc.sql("""
                SELECT concat_ws(',', ST_YMin(e), ST_XMin(e), ST_YMax(e), ST_XMax(e)) FROM (SELECT ST_Extent(ST_Transform(
                ST_Segmentize(ST_MakeEnvelope(116.2, 33.1, 116.4, 33.3, 4490)::geography, 50)::geometry, 4548)) e) x""")
            .query(String.class)
            .single();
        Set<Long> projected = ids("/ogc/collections/land_parcel/items?limit=10000&bbox-crs=EPSG:4548&bbox=" + gaussKruger);
        assertThat(projected).containsAll(lonLat);
    }

    @Test
    void describesItsCrsAndRefusesUnknownOnes() {
        JsonNode collection = http.get("/ogc/collections/sluice").json();
        assertThat(collection.get("storageCrs").asString()).isEqualTo(EPSG + "4490");
        assertThat(collection.get("crs").toString()).contains("CRS84", "4490", "4527", "4548", "3857", "4326");
        Http.Reply unknown = http.get("/ogc/collections/sluice/items?crs=EPSG:2385");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("parameter").asString()).isEqualTo("crs");
        assertThat(http.get("/ogc/collections/sluice/items?bbox-crs=EPSG:9999&bbox=1,2,3,4").json().get("parameter")
            .asString()).isEqualTo("bbox-crs");
    }

    @Test
    void cql2TextFiltersMatchTheSameSql() {
        assertFilter("sluice", "status = 'planned' AND scale IN ('small', 'medium')",
                "status = 'planned' AND scale IN ('small', 'medium')");
        assertFilter("sluice", "name LIKE '%沟闸' OR NOT (standardization = 'none')",
                "name LIKE '%沟闸' OR NOT (standardization = 'none')");
        assertFilter("sluice", "safety_class BETWEEN 2 AND 3", "safety_class BETWEEN 2 AND 3");
        assertFilter("sluice", "appraised_on IS NULL", "appraised_on IS NULL");
        assertFilter("sluice", "appraised_on > DATE('2021-06-30')", "appraised_on > DATE '2021-06-30'");
        assertFilter("ditch", "treated = true AND length_m >= 3000", "treated AND length_m >= 3000");
        assertFilter("land_parcel", "S_INTERSECTS(geometry, POLYGON((116.2 33.1, 116.4 33.1, 116.4 33.3, 116.2 33.1)))",
                "ST_Intersects(geom, ST_GeomFromText('POLYGON((116.2 33.1, 116.4 33.1, 116.4 33.3, 116.2 33.1))', 4490))");
        assertFilter("land_parcel", "S_WITHIN(geometry, BBOX(116.2, 33.1, 116.4, 33.3)) AND category = 'idle'",
                "ST_Within(geom, ST_MakeEnvelope(116.2, 33.1, 116.4, 33.3, 4490)) AND category = 'idle'");
    }

    /** The shapes of the CQL2 standard's examples 16, 35 and 40 and of clause 7's S_CROSSES, on Hetu's own queryables. */
    @Test
    void theStandardsExamplesMatchTheSameSql() {
        assertFilter("ditch", "treated=true AND (length_m>3000 OR name LIKE '东%' OR name LIKE '%沟')",
                "treated AND (length_m > 3000 OR name LIKE '东%' OR name LIKE '%沟')");
        assertFilter("sluice", "\"name\" LIKE '%闸'", "name LIKE '%闸'");
        assertFilter("sluice", "NOT \"status\" IN ('planned', 'under_construction')",
                "NOT status IN ('planned', 'under_construction')");
        assertFilter("ditch", "S_CROSSES(geometry,POLYGON((116.2 33.1, 116.4 33.1, 116.4 33.3, 116.2 33.1)))",
                "ST_Crosses(geom, ST_GeomFromText('POLYGON((116.2 33.1, 116.4 33.1, 116.4 33.3, 116.2 33.1))', 4490))");
    }

    @Test
    void cql2JsonFiltersMatchTheSameSql() {
        assertFilterJson("sluice", """
                {"op":"and","args":[{"op":"=","args":[{"property":"status"},"planned"]},
                {"op":"in","args":[{"property":"scale"},["small","medium"]]}]}""",
                "status = 'planned' AND scale IN ('small', 'medium')");
        assertFilterJson("land_parcel", """
                {"op":"s_intersects","args":[{"property":"geometry"},{"type":"Polygon","coordinates":
                [[[116.2,33.1],[116.4,33.1],[116.4,33.3],[116.2,33.1]]]}]}""",
                "ST_Intersects(geom, ST_GeomFromText('POLYGON((116.2 33.1, 116.4 33.1, 116.4 33.3, 116.2 33.1))', 4490))");
        assertFilterJson("sluice", """
                {"op":"not","args":[{"op":"isNull","args":[{"property":"appraised_on"}]}]}""", "appraised_on IS NOT NULL");
    }

    @Test
    void aGeometryInTheFilterCanBeGivenInAnotherCrs() {
        String lonLat = "S_INTERSECTS(geometry, BBOX(116.2, 33.1, 116.4, 33.3))";
        String latLon = "S_INTERSECTS(geometry, BBOX(33.1, 116.2, 33.3, 116.4))";
        assertThat(ids("/ogc/collections/land_parcel/items?limit=10000&filter-crs=" + EPSG + "4490&filter=" + encode(latLon)))
            .isEqualTo(ids("/ogc/collections/land_parcel/items?limit=10000&filter=" + encode(lonLat)));
    }

    @Test
    void badFiltersAreRefusedSayingWhere() {
        Http.Reply incomplete = http.get("/ogc/collections/sluice/items?filter=" + encode("status = "));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().get("parameter").asString()).isEqualTo("filter");
        assertThat(incomplete.json().get("detail").asString()).contains("position");
        assertThat(http.get("/ogc/collections/sluice/items?filter=" + encode("colour = 'red'")).json().get("detail")
            .asString()).contains("colour", "queryables");
        assertThat(http.get("/ogc/collections/sluice/items?filter=" + encode("safety_class = 'high'")).status()).isEqualTo(400);
        assertThat(http.get("/ogc/collections/sluice/items?filter-lang=sql&filter=1").json().get("parameter").asString())
            .isEqualTo("filter-lang");
        assertThat(http.get("/ogc/collections/sluice/items?filter-lang=cql2-json&filter=" + encode("{\"op\":")).status())
            .isEqualTo(400);
        JsonNode quoted = http.get("/ogc/collections/sluice/items?filter=" + encode("name = 'x'' OR ''1''=''1'")).json();
        assertThat(quoted.get("numberReturned").asInt()).as("the quotes stay inside the value").isZero();
        assertThat(http.get("/ogc/collections/sluice/items?filter=" + encode("code = 'x'); DROP TABLE sluice; --")).status())
            .isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM sluice").query(Long.class).single()).isPositive();
    }

    private void assertFilter(String collection, String cql2, String sqlCondition) {
        assertMatches(collection, "/ogc/collections/" + collection + "/items?limit=10000&filter=" + encode(cql2), sqlCondition);
    }

    private void assertFilterJson(String collection, String cql2, String sqlCondition) {
        assertMatches(collection, "/ogc/collections/" + collection + "/items?limit=10000&filter-lang=cql2-json&filter="
                + encode(cql2), sqlCondition);
    }

    private void assertMatches(String collection, String url, String sqlCondition) {
        Http.Reply reply = http.get(url);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<Long> expected = jdbc.sql("SELECT id FROM " + collection + " WHERE " + sqlCondition).query(Long.class).list();
        assertThat(expected).as("the test's own condition finds something: " + sqlCondition).isNotEmpty();
        Set<Long> served = new HashSet<>();
        reply.json().get("features").forEach(f -> served.add(f.get("id").asLong()));
        assertThat(served).as(url).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aBboxWhoseWestEdgeLiesEastOfItsEastEdgeSpansTheAntimeridian() {
        String parcels = "/ogc/collections/land_parcel/items?limit=10000&bbox=";
        assertThat(ids(parcels + "177,65,-177,70")).as("nothing of the county near 180°").isEmpty();
        // From 116.3°E eastwards round the globe to 116.2°E: the county but for the strip between the two.
        Set<Long> aroundTheWorld = ids(parcels + "116.3,33,116.2,34");
        Set<Long> expected = ids(parcels + "116.3,33,180,34");
        expected.addAll(ids(parcels + "-180,33,116.2,34"));
        assertThat(aroundTheWorld).isEqualTo(expected).isNotEmpty();
        assertThat(aroundTheWorld).isNotEqualTo(ids(parcels + "115,33,117,34"));
        assertThat(ids(parcels + "33,116.3,34,116.2&bbox-crs=" + EPSG + "4490")).as("latitude first").isEqualTo(expected);
        for (String reversed : new String[] { "116,34,116.5,33", "34,116,33,116.5&bbox-crs=" + EPSG + "4490",
                "3750000,300000,3600000,600000&bbox-crs=" + EPSG + "4548" }) {
            Http.Reply refused = http.get(parcels + reversed);
            assertThat(refused.status()).as(reversed).isEqualTo(400);
            assertThat(refused.json().get("parameter").asString()).isEqualTo("bbox");
        }
    }

    private Set<Long> ids(String url) {
        Http.Reply reply = http.get(url);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Set<Long> ids = new HashSet<>();
        reply.json().get("features").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }

    private static double[] position(JsonNode feature) {
        JsonNode c = feature.get("geometry").get("coordinates");
        return new double[] { c.get(0).asDouble(), c.get(1).asDouble() };
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
