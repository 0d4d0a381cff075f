package cn.hetu.styles;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import cn.hetu.FrontEndFixture;
import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The map's symbology, published as Mapbox GL and QGIS styles from the one description the map also follows. */
@RegistryTest
class StylesTests {

    @Autowired
    Http http;

    @Autowired
    ObjectMapper json;

    @Test
    void eachAssetCollectionLinksItsStylesInBothFormats() {
        JsonNode collection = http.get("/ogc/collections/sluice").json();
        String styles = null;
        for (JsonNode link : collection.get("links")) {
            if (link.get("rel").asString().equals("http://www.opengis.net/def/rel/ogc/1.0/styles")) {
                styles = link.get("href").asString();
            }
        }
        assertThat(styles).endsWith("/ogc/collections/sluice/styles");
        JsonNode list = http.get("/ogc/collections/sluice/styles").json();
        assertThat(list.get("default").asString()).isEqualTo("hetu");
        assertThat(list.get("styles").get(0).get("links").toString()).contains("?f=mapbox", "application/vnd.mapbox.style+json",
                "?f=qml", "application/vnd.qgis.qml");
        assertThat(http.get("/ogc/collections/patrol_issue/styles").status()).isEqualTo(404);
        assertThat(http.get("/ogc/collections/sluice/styles/other").status()).isEqualTo(404);
        assertThat(http.get("/ogc/collections/sluice/styles/hetu?f=sld").json().get("parameter").asString()).isEqualTo("f");
        assertThat(http.anonymous().get("/ogc/collections/sluice/styles/hetu").status()).isEqualTo(401);
    }

    @Test
    void theMapboxStyleDrawsTheOgcTilesInTheStatusColoursOfTheMap() throws Exception {
        Http.Reply reply = http.get("/ogc/collections/ditch/styles/hetu?f=mapbox");
        assertThat(reply.contentType()).startsWith("application/vnd.mapbox.style+json");
        JsonNode style = reply.json();
        assertThat(style.get("version").asInt()).isEqualTo(8);
        assertThat(style.get("sources").get("ditch").get("tiles").get(0).asString())
            .endsWith("/ogc/collections/ditch/tiles/WebMercatorQuad/{z}/{y}/{x}");
        JsonNode line = style.get("layers").get(0);
        assertThat(line.get("source-layer").asString()).isEqualTo("ditch");
        Map<String, String> colours = matchPairs(line.get("paint").get("line-color"));
        assertThat(colours).isEqualTo(strings(description().get("statusColors")));
        assertThat(matchPairs(line.get("paint").get("line-width"))).containsEntry("large", "2.5");
        JsonNode parcel = http.get("/ogc/collections/land_parcel/styles/hetu").json().get("layers").get(0);
        assertThat(matchPairs(parcel.get("paint").get("fill-color"))).isEqualTo(strings(description().get("parcelCategoryColors")));
        JsonNode sluice = http.get("/ogc/collections/sluice/styles/hetu").json().get("layers").get(0);
        assertThat(sluice.get("paint").get("circle-stroke-color").toString()).contains("safety_class", "#111111");
    }

    @Test
    void theQmlCategorisesByStatusWithTheWordsAndColoursOfTheMap() throws Exception {
        Http.Reply reply = http.get("/ogc/collections/sluice/styles/hetu?f=qml");
        assertThat(reply.contentType()).startsWith("application/vnd.qgis.qml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // QGIS's doctype names a DTD that is nowhere to be read.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document qml = factory.newDocumentBuilder()
            .parse(new ByteArrayInputStream(reply.body().getBytes(StandardCharsets.UTF_8)));
        Element renderer = (Element) qml.getElementsByTagName("renderer-v2").item(0);
        assertThat(renderer.getAttribute("type")).isEqualTo("categorizedSymbol");
        assertThat(renderer.getAttribute("attr")).isEqualTo("status");
        NodeList categories = qml.getElementsByTagName("category");
        Map<String, String> words = new HashMap<>();
        for (int i = 0; i < categories.getLength(); i++) {
            Element category = (Element) categories.item(i);
            words.put(category.getAttribute("value"), category.getAttribute("label"));
        }
        assertThat(words).containsEntry("planned", "规划/储备").containsEntry("under_construction", "在建").hasSize(6);
        assertThat(reply.body()).contains("name=\"name\" type=\"QString\" value=\"square\"", "to_int(&quot;safety_class&quot;) &gt;= 3",
                "fieldName=\"name\"");
        // #E69F00, under construction, as QGIS writes colours
        assertThat(reply.body()).contains("230,159,0,255");
        assertThat(http.get("/ogc/collections/sluice/styles/hetu?f=qml&lang=en").body()).contains("label=\"Under construction\"");
    }

    /**
     * The map draws what GET /api/v1/symbology says, the description the styles are made from; Symbology.js holds
     * no colour, shape or line of its own, and its unit tests read a copy of the answer that cannot drift.
     */
    @Test
    void theMapTakesItsSymbologyFromTheDescriptionTheStylesAreMadeFrom() throws Exception {
        JsonNode served = http.get("/api/v1/symbology").json();
        ObjectNode file = (ObjectNode) description();
        file.remove("_comment");
        assertThat(served).isEqualTo(file);
        FrontEndFixture.assertMatches("symbology.json", served);
        String js = Files.readString(Path.of("frontend/src/layers/Symbology.js"));
        served.get("statusColors").properties().forEach(e -> assertThat(js).doesNotContain(e.getValue().asString()));
        served.get("markerShapes").properties().forEach(e -> assertThat(js).doesNotContain(e.getKey() + ": '"));
        assertThat(js).doesNotContain("'sluice'", "'bridge'", "'ditch'", "'river_segment'");
    }

    private JsonNode description() throws Exception {
        return json.readTree(Files.readString(Path.of("src/main/resources/symbology/symbology.json")));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        return map;
    }

    /** The code → value pairs of a ["match", ["get", column], code, value, ..., fallback] expression. */
    private static Map<String, String> matchPairs(JsonNode match) {
        assertThat(match.get(0).asString()).isEqualTo("match");
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 2; i + 1 < match.size(); i += 2) {
            pairs.put(match.get(i).asString(), match.get(i + 1).asString());
        }
        return pairs;
    }

}
