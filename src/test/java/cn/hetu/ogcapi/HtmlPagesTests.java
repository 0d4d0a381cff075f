package cn.hetu.ogcapi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.catalog.Catalog;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML representation: for f=html and for browsers, escaped, in Chinese or English, readable only as the JSON is. */
@RegistryTest
class HtmlPagesTests {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    @Test
    void everyPageAnswersHtmlForFormatHtmlAndForABrowser() {
        long sluice = jdbc.sql("SELECT min(id) FROM sluice").query(Long.class).single();
        List<List<String>> pages = List.of(List.of("/ogc", "河图", "/ogc/collections"),
                List.of("/ogc/conformance", "ogcapi-features-1/1.0/conf/html"),
                List.of("/ogc/collections", "/ogc/collections/sluice/items", "水闸"),
                List.of("/ogc/collections/sluice", "可查询属性", "<td>status</td>", "/ogc/collections/sluice/items"),
                List.of("/ogc/collections/sluice/items", "<svg", "<table>", "/ogc/collections/sluice/items/" + sluice),
                List.of("/ogc/collections/sluice/items/" + sluice, "<svg", "<circle"));
        for (List<String> page : pages) {
            String path = page.get(0);
            String[] expected = page.subList(1, page.size()).toArray(String[]::new);
            for (Http.Reply reply : List.of(http.get(path + "?f=html"), http.get(path, "Accept", BROWSER),
                    http.get(path, "Accept", "text/html"))) {
                assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
                assertThat(reply.contentType()).as(path).startsWith("text/html");
                assertThat(reply.body()).as(path).startsWith("<!DOCTYPE html>").contains("lang=\"zh-CN\"")
                    .contains("rel=\"alternate\"").contains(expected);
            }
            assertThat(http.get(path).contentType()).as(path).doesNotStartWith("text/html");
            assertThat(http.get(path, "Accept", "*/*").contentType()).as(path).doesNotStartWith("text/html");
            assertThat(http.get(path, "Accept", "application/json").contentType()).as(path).doesNotStartWith("text/html");
        }
    }

    @Test
    void jsonDocumentsLinkTheirHtmlAlternate() {
        for (String path : List.of("/ogc", "/ogc/collections", "/ogc/collections/sluice", "/ogc/collections/sluice/items")) {
            Http.Reply reply = http.get(path);
            assertThat(reply.json()).as(path + ": " + reply.contentType() + " " + reply.body()).isNotNull();
            JsonNode links = reply.json().get("links");
            assertThat(links).as(path + ": " + reply.body()).isNotNull();
            assertThat(links.toString()).as(path).contains("\"rel\":\"alternate\"", "\"type\":\"text/html\"");
        }
        assertThat(http.get("/ogc/conformance").json().get("conformsTo").toString())
            .contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html");
    }

    @Test
    void englishOnRequest() {
        Http.Reply byParameter = http.get("/ogc/collections/sluice?f=html&lang=en");
        assertThat(byParameter.body()).contains("lang=\"en\"", "Queryables").doesNotContain("可查询属性");
        Http.Reply byHeader = http.get("/ogc/collections", "Accept", "text/html", "Accept-Language", "en-GB,en;q=0.9");
        assertThat(byHeader.body()).contains("lang=\"en\"", "Collections", "Sluice");
        assertThat(http.get("/ogc/collections/sluice/items?f=html&limit=1&lang=en").body()).contains("Next page", "features on this page");
    }

    @Test
    void nextAndPreviousLinksKeepTheHtmlForm() {
        Http.Reply first = http.get("/ogc/collections/sluice/items?f=html&limit=2");
        assertThat(first.body()).contains("rel=\"next\"", "下一页").doesNotContain("rel=\"prev\"");
        String next = first.body().replaceAll("(?s).*<a rel=\"next\" href=\"([^\"]*)\".*", "$1").replace("&amp;", "&");
        assertThat(next).startsWith(http.base()).contains("f=html", "limit=2", "after=");
        Http.Reply second = http.get(next.substring(http.base().length()));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains("rel=\"prev\"", "上一页");
    }

    @Test
    void textFromTheDataIsEscaped() {
        jdbc.sql("DELETE FROM sluice WHERE code = 'HTML-XSS'").update();
        Http.Reply created = http.post("/ogc/collections/sluice/items", """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[116.31,33.21]},
                 "properties":{"code":"HTML-XSS","name":"%s","status":"planned","department":"water",
                 "scale":"small"}}""".formatted(SCRIPT.replace("\"", "\\\"")), "Content-Type", "application/geo+json");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String title = jdbc.sql("SELECT title_zh FROM collection WHERE id = 'sluice'").query(String.class).single();
        try {
            jdbc.sql("UPDATE collection SET title_zh = ? WHERE id = 'sluice'").param(SCRIPT + "水闸").update();
            catalog.refresh();
            for (String path : List.of("/ogc/collections?f=html", "/ogc/collections/sluice?f=html",
                    "/ogc/collections/sluice/items?f=html&filter=code%3D%27HTML-XSS%27",
                    location.substring(http.base().length()) + "?f=html")) {
                Http.Reply reply = http.get(path);
                assertThat(reply.status()).as(path).isEqualTo(200);
                assertThat(reply.body()).as(path).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
                if (path.contains("items")) {
                    assertThat(reply.body()).as("coded values in words: " + path).contains("<td>规划/储备</td>");
                }
            }
        }
        finally {
            jdbc.sql("UPDATE collection SET title_zh = ? WHERE id = 'sluice'").param(title).update();
            catalog.refresh();
            jdbc.sql("DELETE FROM sluice WHERE code = 'HTML-XSS'").update();
        }
    }

    @Test
    void pagesLinkTheTilesAndStylesOfCollectionsDrawnOnTheMap() {
        assertThat(http.get("/ogc?f=html").body()).contains("href=\"" + http.base() + "/ogc/tiles\"",
                "href=\"" + http.base() + "/ogc/tileMatrixSets\"");
        String ditch = http.get("/ogc/collections/ditch?f=html").body();
        assertThat(ditch).contains("href=\"" + http.base() + "/ogc/collections/ditch/tiles\"",
                "href=\"" + http.base() + "/ogc/collections/ditch/styles\"",
                "href=\"" + http.base() + "/ogc/collections/ditch/schema\"");
        for (String link : List.of("/ogc/collections/ditch/tiles", "/ogc/collections/ditch/styles")) {
            assertThat(http.get(link).status()).as(link).isEqualTo(200);
        }
        String patrol = http.get("/ogc/collections/patrol?f=html").body();
        assertThat(patrol).contains("/ogc/collections/patrol/items").doesNotContain("/tiles", "/styles");
    }

    /** The sketch puts longitude on x and latitude on y (north up) whatever the axis order of the CRS asked for. */
    @Test
    void sketchDrawsEastRightAndNorthUpInEveryCrs() {
        String items = "/ogc/collections/sluice/items?limit=30";
        List<double[]> lonLat = new ArrayList<>();
        http.get(items).json().get("features").forEach(f -> points(f.get("geometry").get("coordinates"), lonLat));
        List<double[]> crs84 = circles(http.get(items + "&f=html").body());
        List<double[]> latitudeFirst = circles(http.get(items + "&f=html&crs=http://www.opengis.net/def/crs/EPSG/0/4490").body());
        assertThat(crs84).hasSize(lonLat.size());
        assertThat(latitudeFirst).hasSize(lonLat.size());
        for (int i = 0; i < lonLat.size(); i++) {
            for (int j = 0; j < lonLat.size(); j++) {
                if (Math.abs(lonLat.get(i)[0] - lonLat.get(j)[0]) > 0.001) {
                    boolean west = lonLat.get(i)[0] < lonLat.get(j)[0];
                    assertThat(crs84.get(i)[0] < crs84.get(j)[0]).as("x of " + i + ", " + j).isEqualTo(west);
                    assertThat(latitudeFirst.get(i)[0] < latitudeFirst.get(j)[0]).as("x of " + i + ", " + j).isEqualTo(west);
                }
                if (Math.abs(lonLat.get(i)[1] - lonLat.get(j)[1]) > 0.001) {
                    boolean north = lonLat.get(i)[1] > lonLat.get(j)[1];
                    assertThat(crs84.get(i)[1] < crs84.get(j)[1]).as("y of " + i + ", " + j).isEqualTo(north);
                    assertThat(latitudeFirst.get(i)[1] < latitudeFirst.get(j)[1]).as("y of " + i + ", " + j).isEqualTo(north);
                }
            }
        }
        String feature = "/ogc/collections/ditch/items/" + http.get("/ogc/collections/ditch/items?limit=1").json()
            .get("features").get(0).get("id").asString() + "?f=html";
        assertThat(svg(http.get(feature + "&crs=http://www.opengis.net/def/crs/EPSG/0/4490").body()))
            .isEqualTo(svg(http.get(feature).body()));
    }

    private static void points(JsonNode coordinates, List<double[]> into) {
        if (coordinates.get(0).isNumber()) {
            into.add(new double[] { coordinates.get(0).asDouble(), coordinates.get(1).asDouble() });
            return;
        }
        coordinates.forEach(c -> points(c, into));
    }

    private static List<double[]> circles(String html) {
        List<double[]> circles = new ArrayList<>();
        Matcher circle = Pattern.compile("<circle [^>]*cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\"").matcher(html);
        while (circle.find()) {
            circles.add(new double[] { Double.parseDouble(circle.group(1)), Double.parseDouble(circle.group(2)) });
        }
        return circles;
    }

    private static String svg(String html) {
        return html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
    }

    @Test
    void htmlIsReadableOnlyAsTheJsonIs() {
        Http anonymous = http.anonymous();
        assertThat(anonymous.get("/ogc/collections/sluice?f=html").status()).isEqualTo(401);
        assertThat(anonymous.get("/ogc/collections/sluice/items", "Accept", BROWSER).status()).isEqualTo(401);
        assertThat(anonymous.get("/ogc/collections?f=html").body()).doesNotContain("/ogc/collections/sluice");
        assertThat(http.get("/ogc/collections/no_such_layer?f=html").status()).isEqualTo(404);
        assertThat(http.get("/ogc/collections/sluice/items/999999999?f=html").status()).isEqualTo(404);
        assertThat(http.get("/ogc/collections/sluice?f=xml&colour=red").status()).isEqualTo(400);
        for (String path : List.of("/ogc/collections/no_such_layer", "/ogc/collections/sluice/items/999999999",
                "/ogc/collections/sluice/items?colour=red")) {
            Http.Reply reply = http.get(path, "Accept", "text/html");
            assertThat(reply.status()).as(path + ": " + reply.body()).isIn(400, 404);
            assertThat(reply.body()).as(path).contains(path.contains("colour") ? "colour" : "no");
        }
        assertThat(anonymous.get("/ogc/collections/sluice", "Accept", "text/html").status()).isEqualTo(401);
    }

}
