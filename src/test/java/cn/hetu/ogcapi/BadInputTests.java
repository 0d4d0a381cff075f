package cn.hetu.ogcapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Inputs that once made the server fail get a 400 saying what is wrong and where. */
@RegistryTest
class BadInputTests {

    private static final String SLUICES = "/ogc/collections/sluice/items";

    @Autowired
    Http http;

    @Test
    void polygonsWithTooFewOrOpenRingsInAFilterAreRefused() {
        for (String polygon : new String[] { "POLYGON((116 33, 117 33, 116 33))", "POLYGON((116 33, 117 33, 117 34, 116 34))" }) {
            assertBadRequest(http.get(SLUICES + "?filter=" + encode("S_INTERSECTS(geometry, " + polygon + ")")), "filter");
        }
        String json = """
                {"op":"s_intersects","args":[{"property":"geometry"},
                 {"type":"Polygon","coordinates":[[[116,33],[117,33],[116,33]]]}]}""";
        assertBadRequest(http.get(SLUICES + "?filter-lang=cql2-json&filter=" + encode(json)), "filter");
    }

    @Test
    void projectedCoordinatesOutsideTheirZoneAreRefusedWithTheReason() {
        Http.Reply far = http.get(SLUICES + "?bbox-crs=EPSG:4548&bbox=1e12,1e12,2e12,2e12");
        assertBadRequest(far, "bbox");
        assertThat(far.json().get("detail").asString()).contains("4548").contains("outside");
        assertBadRequest(http.get(SLUICES + "?bbox-crs=EPSG:4527&bbox=3670000,420000,3690000,450000"), "bbox");
        assertBadRequest(http.get(SLUICES + "?bbox-crs=EPSG:3857&bbox=-3e7,0,0,1"), "bbox");
        assertBadRequest(http.get(SLUICES + "?filter-crs=EPSG:4527&filter=" + encode("S_INTERSECTS(geometry, POINT(0 0))")),
                "filter");
        assertBadRequest(http.get(SLUICES + "?filter-crs=EPSG:4548&filter="
                + encode("S_INTERSECTS(geometry, POLYGON((1e12 1e12, 2e12 1e12, 2e12 2e12, 1e12 1e12)))")), "filter");
        assertThat(http.get(SLUICES + "?bbox-crs=EPSG:4527&bbox=3600000,39300000,3750000,39600000").status()).isEqualTo(200);
        assertThat(http.get(SLUICES + "?bbox-crs=EPSG:4548&bbox=3600000,300000,3750000,600000").status()).isEqualTo(200);
    }

    @Test
    void idleYearsBeyondAnyLandsHistoryAreRefusedInsteadOfOverflowing() {
        Http.Reply overflow = http.post("/api/v1/parcels/search", "{\"idleYearsAtLeast\":2147483647}");
        assertBadRequest(overflow, "idleYearsAtLeast");
        Http.Reply longest = http.post("/api/v1/parcels/search", "{\"idleYearsAtLeast\":200}");
        assertThat(longest.status()).isEqualTo(200);
        assertThat(longest.json().get("numberMatched").asLong()).isZero();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void assertBadRequest(Http.Reply reply, String parameter) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("parameter").asString()).isEqualTo(parameter);
    }

}
