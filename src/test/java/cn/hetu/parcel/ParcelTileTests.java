package cn.hetu.parcel;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.tiles.MvtReader;

import static org.assertj.core.api.Assertions.assertThat;

/** The parcel search's matches as vector tiles: every match drawn, not the first page of them. */
@RegistryTest
class ParcelTileTests {

    /** The zoom 12 tile over the county seat 城关镇. */
    private static final String SEAT = "/api/v1/parcels/tiles/12/3371/1646.mvt?q=";

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void tileHoldsExactlyTheMatchesInIt() {
        String search = """
                {"categories":["idle","approved_unsupplied"],"areaMin":0.5,"areaUnit":"ha",
                 "polygon":{"type":"Polygon","coordinates":[[[116.2,33.2],[116.4,33.2],[116.4,33.3],[116.2,33.3],[116.2,33.2]]]}}""";
        List<Long> expected = jdbc.sql("""
                SELECT id FROM land_parcel WHERE category IN ('idle', 'approved_unsupplied') AND area_m2 >= 5000
                  AND ST_Intersects(geom, ST_MakeEnvelope(116.2, 33.2, 116.4, 33.3, 4490))
                  AND geom && ST_Transform(ST_TileEnvelope(12, 3371, 1646, margin => 64.0 / 4096), 4490)
                ORDER BY id""").query(Long.class).list();
        assertThat(expected).isNotEmpty();
        HttpResponse<byte[]> reply = fetch(SEAT + URLEncoder.encode(search, StandardCharsets.UTF_8));
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(MvtReader.layers(reply.body()).get(0).ids()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void searchThatIsNotJsonOrBreaksARuleIsRefusedNamingIt() {
        Http.Reply notJson = http.get(SEAT + "%7Bcategories");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("parameter").asString()).isEqualTo("q");
        Http.Reply badCategory = http.get(SEAT + URLEncoder.encode("{\"categories\":[\"gold\"]}", StandardCharsets.UTF_8));
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(http.get("/api/v1/parcels/tiles/12/3371/1646.mvt").status()).isEqualTo(400);
    }

    private HttpResponse<byte[]> fetch(String path) {
        String credentials = Base64.getEncoder()
            .encodeToString(("admin:" + Http.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + path))
            .header("Authorization", "Basic " + credentials)
            .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
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
