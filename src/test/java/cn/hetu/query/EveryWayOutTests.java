package cn.hetu.query;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Feature pages, exports, tiles and counts take "which features" with the same parameters and the same 400s. */
@RegistryTest
class EveryWayOutTests {

    /** Each way out of the sluices, ready for more parameters. */
    private static final List<String> WAYS_OUT = List.of("/ogc/collections/sluice/items?limit=1&",
            "/api/v1/collections/sluice/export?format=geojson&", "/tiles/sluice/10/843/411.mvt?", "/tiles/sluice.json?",
            "/api/v1/stats/counts/sluice?");

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyWayOutRefusesTheSameParametersAlike() {
        for (String[] bad : new String[][] { { "bbox=116.5,33.5,116.2,33.2", "bbox" }, { "bbox=1,2,3", "bbox" },
                { "bbox-crs=EPSG:1", "bbox-crs" }, { "datetime=2023-02-01/2023-01-01", "datetime" },
                { "filter=nope%20%3D%201", "filter" }, { "filter-lang=sql&filter=status%3D'x'", "filter-lang" },
                { "no_such_property=1", "no_such_property" } }) {
            for (String way : WAYS_OUT) {
                String url = way + bad[0];
                Http.Reply reply = http.get(url);
                assertThat(reply.status()).as(url).isEqualTo(400);
                assertThat(reply.body()).as(url).contains("\"" + bad[1] + "\"");
            }
        }
    }

    @Test
    void aFeaturePageAnExportAndTheCountsSelectTheSameFeatures() {
        String which = "bbox=33.0,116.0,33.3,116.4&bbox-crs=EPSG:4490&filter=status%20%3C%3E%20'none'";
        long expected = jdbc.sql("SELECT count(*) FROM sluice WHERE ST_Intersects(geom, ST_MakeEnvelope(116.0, 33.0, 116.4, 33.3,"
                + " 4490)) AND status <> 'none'").query(Long.class).single();
        assertThat(expected).isPositive();
        assertThat(http.get("/ogc/collections/sluice/items?limit=1&" + which).json().get("numberMatched").asLong())
            .isEqualTo(expected);
        String geojson = new String(http.bytes("/api/v1/collections/sluice/export?format=geojson&labels=codes&" + which).body(),
                StandardCharsets.UTF_8);
        assertThat(Pattern.compile("\"type\"\\s*:\\s*\"Feature\"").matcher(geojson).results().count()).isEqualTo(expected);
        long counted = 0;
        for (var status : http.get("/api/v1/stats/counts/sluice?" + which).json().properties()) {
            counted += status.getValue().asLong();
        }
        assertThat(counted).isEqualTo(expected);
    }

}
