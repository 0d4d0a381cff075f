package cn.hetu.ogcapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What the OGC test suite found: every path refuses parameters it does not know, and filters fail as a type error. */
@RegistryTest
class QueryParameterTests {

    /** Every GET path of the OGC API, each with the parameters it does accept. */
    static final List<String> OGC_PATHS = List.of("/ogc?f=json", "/ogc/?f=json", "/ogc/conformance?f=json", "/ogc/api?f=json",
            "/ogc/collections?f=json", "/ogc/collections/sluice?f=json", "/ogc/collections/sluice/queryables?f=json",
            "/ogc/collections/sluice/items?f=json&limit=1", "/ogc/collections/sluice/items/1?f=json",
            "/ogc/tileMatrixSets?f=json", "/ogc/tileMatrixSets/WebMercatorQuad?f=json", "/ogc/tiles?f=json",
            "/ogc/tiles/WebMercatorQuad?f=json", "/ogc/tiles/WebMercatorQuad/10/411/842?collections=sluice",
            "/ogc/collections/sluice/tiles?f=json", "/ogc/collections/sluice/tiles/WebMercatorQuad?f=json",
            "/ogc/collections/sluice/tiles/WebMercatorQuad/10/411/842?status=planned",
            "/ogc/collections/sluice/styles?f=json", "/ogc/collections/sluice/styles/hetu?f=qml", "/ogc?f=html",
            "/ogc/conformance?f=html", "/ogc/collections?f=html", "/ogc/collections/sluice?f=html",
            "/ogc/collections/sluice/items?f=html&limit=1", "/ogc/collections/sluice/items/1?f=html");

    @Autowired
    Http http;

    @Test
    void everyOgcPathRefusesAnUnknownQueryParameterAndAcceptsItsOwn() {
        for (String path : OGC_PATHS) {
            assertThat(http.get(path).status()).as(path).isEqualTo(200);
            Http.Reply unknown = http.get(path + "&colour=red");
            assertThat(unknown.status()).as(path + " with colour=red: " + unknown.body()).isEqualTo(400);
            assertThat(unknown.json().get("parameter").asString()).as(path).isEqualTo("colour");
            assertThat(unknown.json().get("detail").asString()).as(path).contains("colour");
        }
    }

    @Test
    void likeNeedsATextPattern() {
        Http.Reply number = http.get("/ogc/collections/sluice/items?filter=" + encode("name LIKE 5"));
        assertThat(number.status()).as(number.body()).isEqualTo(400);
        assertThat(number.json().get("parameter").asString()).isEqualTo("filter");
        assertThat(number.json().get("detail").asString()).contains("LIKE", "5");
        assertThat(http.get("/ogc/collections/sluice/items?filter=" + encode("name LIKE '%闸'")).status()).isEqualTo(200);
    }

    @Test
    void malformedCql2JsonIsDescribedInOurOwnWords() {
        for (String broken : List.of("{\"op\":", "{op", "[1,", "{\"op\":\"=\",\"args\":[{\"property\":\"name\"},\"x\"]}}")) {
            Http.Reply reply = http.get("/ogc/collections/sluice/items?filter-lang=cql2-json&filter=" + encode(broken));
            assertThat(reply.status()).as(broken).isEqualTo(400);
            String detail = reply.json().get("detail").asString();
            assertThat(detail).as(broken).contains("JSON", "column").doesNotContainIgnoringCase("unexpected")
                .doesNotContain("code 1", "expecting", "end-of-input", "Object entries", "token");
        }
    }

    /** A client that prefers HTML gets the HTML page; one that takes GeoJSON or anything gets GeoJSON. */
    @Test
    void aClientThatPrefersHtmlGetsHtml() {
        for (String path : List.of("/ogc/collections/sluice/items", "/ogc/collections/sluice/items/1")) {
            assertThat(http.get(path, "Accept", "text/html").contentType()).as(path).startsWith("text/html");
            assertThat(http.get(path, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8").contentType()).as(path)
                .startsWith("text/html");
            assertThat(http.get(path, "Accept", "application/geo+json").contentType()).as(path)
                .startsWith("application/geo+json");
            assertThat(http.get(path, "Accept", "*/*").contentType()).as(path).startsWith("application/geo+json");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
