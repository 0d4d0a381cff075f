package cn.hetu.search;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

@RegistryTest
class SearchTests {

    @Autowired
    Http http;

    @Test
    void findsASluiceByItsExactNameFirst() {
        JsonNode hits = http.get("/api/v1/search?q=" + encode("朱楼闸")).json();
        assertThat(hits.get(0).get("collection").asString()).isEqualTo("sluice");
        assertThat(hits.get(0).get("name").asString()).isEqualTo("朱楼闸");
        assertThat(hits.get(0).get("bbox").get(0).asDouble()).isBetween(116.0, 116.6);
    }

    @Test
    void findsAcrossCollectionsBySubstring() {
        JsonNode hits = http.get("/api/v1/search?q=" + encode("包河") + "&limit=50").json();
        java.util.Set<String> collections = new java.util.HashSet<>();
        hits.forEach(h -> {
            collections.add(h.get("collection").asString());
            assertThat(h.get("name").asString() + h.get("code").asString()).contains("包河");
        });
        assertThat(collections).contains("river_segment", "sluice");
    }

    @Test
    void findsByCodeAndTreatsWildcardsLiterally() {
        assertThat(http.get("/api/v1/search?q=%25").json().size()).isZero();
        assertThat(http.get("/api/v1/search?q=_").json().size()).isZero();
        assertThat(http.get("/api/v1/search?q=%20").status()).isEqualTo(400);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

}
