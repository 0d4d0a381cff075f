package cn.hetu.tiles;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

/** OGC API - Tiles: the same tiles as /tiles, found from the landing page the way GDAL and QGIS look for them. */
@RegistryTest
class OgcTilesTests {

    private static final String REL = "http://www.opengis.net/def/rel/ogc/1.0/";

    /** The zoom 10 tile that holds most of the county: row 411, column 842. */
    private static final String COUNTY = "10/411/842";

    @Autowired
    Http http;

    @Test
    void theLandingPageAndEachAssetCollectionLeadToTheirTilesAndTheConformanceSaysSo() {
        JsonNode landing = http.get("/ogc").json();
        assertThat(href(landing, REL + "tilesets-vector")).endsWith("/ogc/tiles");
        assertThat(href(landing, REL + "tiling-schemes")).endsWith("/ogc/tileMatrixSets");
        assertThat(href(http.get("/ogc/collections/ditch").json(), REL + "tilesets-vector")).endsWith("/ogc/collections/ditch/tiles");
        assertThat(href(http.get("/ogc/collections/patrol_issue").json(), REL + "tilesets-vector")).as("records are not drawn").isNull();
        assertThat(http.get("/ogc/conformance").body()).contains("ogcapi-tiles-1/1.0/conf/core", "ogcapi-tiles-1/1.0/conf/tileset",
                "ogcapi-tiles-1/1.0/conf/dataset-tilesets", "ogcapi-tiles-1/1.0/conf/geodata-tilesets",
                "ogcapi-tiles-1/1.0/conf/mvt", "tms/2.0/conf/tilematrixset");
    }

    @Test
    void webMercatorQuadHalvesItsScaleAndDoublesItsMatrixAtEachZoom() {
        assertThat(http.get("/ogc/tileMatrixSets").json().get("tileMatrixSets").get(0).get("id").asString())
            .isEqualTo("WebMercatorQuad");
        JsonNode tms = http.get("/ogc/tileMatrixSets/WebMercatorQuad").json();
        assertThat(tms.get("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
        JsonNode matrices = tms.get("tileMatrices");
        assertThat(matrices.size()).isEqualTo(Tile.MAX_ZOOM + 1);
        for (int z = 1; z <= Tile.MAX_ZOOM; z++) {
            assertThat(matrices.get(z).get("id").asString()).isEqualTo(String.valueOf(z));
            assertThat(matrices.get(z).get("matrixWidth").asLong()).isEqualTo(1L << z);
            assertThat(matrices.get(z - 1).get("scaleDenominator").asDouble() / matrices.get(z).get("scaleDenominator").asDouble())
                .isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
        }
        // Zoom 0 is one 256-pixel tile over the Web Mercator square of 2 × 20037508.34 m.
        assertThat(matrices.get(0).get("cellSize").asDouble() * 256).isCloseTo(2 * 20037508.3427892,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(http.get("/ogc/tileMatrixSets/WorldCRS84Quad").status()).isEqualTo(404);
    }

    @Test
    void aCollectionTileIsTheSameTileAsOnTilesWithTheRowBeforeTheColumn() {
        JsonNode tileset = http.get("/ogc/collections/ditch/tiles/WebMercatorQuad").json();
        String template = href(tileset, "item");
        assertThat(template).endsWith("/ogc/collections/ditch/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}");
        assertThat(tileset.get("tileMatrixSetURI").asString()).isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
        JsonNode limits = tileset.get("tileMatrixSetLimits").get(10);
        assertThat(limits.get("minTileRow").asInt()).isLessThanOrEqualTo(411);
        assertThat(limits.get("maxTileCol").asInt()).isGreaterThanOrEqualTo(842);
        byte[] ogc = http.bytes("/ogc/collections/ditch/tiles/WebMercatorQuad/" + COUNTY).body();
        assertThat(ogc).isNotEmpty().isEqualTo(http.bytes("/tiles/ditch/10/842/411.mvt").body());
        assertThat(http.bytes("/ogc/collections/land_parcel/tiles/WebMercatorQuad/" + COUNTY + "?category=idle").body())
            .isEqualTo(http.bytes("/tiles/land_parcel/10/842/411.mvt?category=idle").body());
        assertThat(http.get("/ogc/collections/ditch/tiles/WebMercatorQuad/10/842/411").status()).as("x and y swapped lies outside zoom 10")
            .isIn(204, 400);
        assertThat(http.get("/ogc/collections/ditch/tiles/WebMercatorQuad/10/1024/0").json().get("parameter").asString()).isEqualTo("y");
        assertThat(http.get("/ogc/collections/patrol_issue/tiles").status()).isEqualTo(404);
        assertThat(http.anonymous().get("/ogc/collections/ditch/tiles/WebMercatorQuad/" + COUNTY).status()).isEqualTo(401);
    }

    @Test
    void theDatasetTileHoldsEveryReadableCollectionAsItsOwnLayer(@TempDir Path dir) throws Exception {
        JsonNode tileset = http.get("/ogc/tiles/WebMercatorQuad").json();
        List<String> layers = new ArrayList<>();
        tileset.get("layers").forEach(layer -> layers.add(layer.get("id").asString()));
        assertThat(layers).contains("ditch", "sluice", "land_parcel").doesNotContain("patrol_issue", "patrol");
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (String layer : layers) {
            byte[] own = http.bytes("/ogc/collections/" + layer + "/tiles/WebMercatorQuad/" + COUNTY).body();
            joined.writeBytes(own);
        }
        byte[] dataset = http.bytes("/ogc/tiles/WebMercatorQuad/" + COUNTY).body();
        assertThat(dataset).isEqualTo(joined.toByteArray());
        assertThat(http.bytes("/ogc/tiles/WebMercatorQuad/" + COUNTY + "?collections=sluice,ditch").body())
            .isEqualTo(concat(http.bytes("/tiles/sluice/10/842/411.mvt").body(), http.bytes("/tiles/ditch/10/842/411.mvt").body()));
        assertThat(http.get("/ogc/tiles/WebMercatorQuad/" + COUNTY + "?collections=patrol_issue").status()).isEqualTo(404);
        assertThat(http.get("/ogc/tiles/WebMercatorQuad/" + COUNTY + "?colour=red").status()).isEqualTo(400);

        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ogrinfo")), "GDAL (ogrinfo) is not installed: apt-get install gdal-bin");
        Path tile = dir.resolve("county.mvt");
        Files.write(tile, dataset);
        Process ogrinfo = new ProcessBuilder("ogrinfo", "-ro", "-so", "-oo", "Z=10", "-oo", "X=842", "-oo", "Y=411", tile.toString())
            .redirectErrorStream(true).start();
        String out = new String(ogrinfo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ogrinfo.waitFor(60, TimeUnit.SECONDS)).isTrue();
        for (String layer : List.of("ditch", "sluice", "land_parcel")) {
            assertThat(out).as("GDAL's MVT driver reads layer %s of the dataset tile", layer).containsPattern("\\d+: " + layer + " ");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static String href(JsonNode document, String rel) {
        for (JsonNode link : document.get("links")) {
            if (link.get("rel").asString().equals(rel)) {
                return link.get("href").asString();
            }
        }
        return null;
    }

}
