package cn.hetu.county;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo county's profile as served, and an administrator's edit of it with its checks. */
@RegistryTest
class CountyProfileTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Http admin;

    @Test
    void theDemoCountyIsLoadedFromItsProfileFile() {
        JsonNode county = admin.anonymous().get("/api/v1/county").json();
        assertThat(county.get("code").asString()).isEqualTo("341621");
        assertThat(county.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(county.get("gkZones").toString()).isEqualTo("[39]");
        assertThat(county.get("extent").toString()).isEqualTo("[115.9,32.9,116.7,33.6]");
        assertThat(county.get("towns")).hasSize(6);
        assertThat(county.at("/towns/0/nameZh").asString()).isEqualTo("城关镇");
        assertThat(county.at("/towns/1/villages").toString()).contains("汊口村");
        assertThat(county.get("departments").toString()).contains("东临溪镇人民政府");
        assertThat(county.at("/boundary/type").asString()).isEqualTo("MultiPolygon");
        assertThat(admin.anonymous().get("/api/v1/config").json().get("center").toString()).isEqualTo("[116.3,33.25]");
        assertThat(admin.anonymous().get("/api/v1/basemap/county.geojson").json().at("/features/0/properties/adcode").asString())
            .isEqualTo("341621");
        assertThat(admin.anonymous().get("/api/v1/basemap/towns.geojson").json().get("features")).hasSize(6);
        assertThat(admin.get("/ogc/collections/ditch").json().get("crs").toString())
            .contains("EPSG/0/4527", "EPSG/0/4548").doesNotContain("EPSG/0/4526");
    }

    @Test
    void anAdministratorEditsTheProfileWithinItsRules() {
        String original = admin.get("/api/v1/county").body();
        ObjectNode changed = (ObjectNode) JSON.readTree(original);
        changed.put("nameZh", "改名县");
        assertThat(TestAccounts.waterEditor(admin).send("PUT", "/api/v1/county", changed.toString()).status()).isEqualTo(403);
        assertThat(admin.anonymous().send("PUT", "/api/v1/county", changed.toString()).status()).isEqualTo(401);
        try {
            Http.Reply saved = admin.send("PUT", "/api/v1/county", changed.toString());
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(admin.anonymous().get("/api/v1/county").json().get("nameZh").asString()).isEqualTo("改名县");
            assertThat(saved.json().get("updatedBy").asString()).isEqualTo("admin");

            refused(changed.deepCopy().put("timeZone", "Mars/Olympus"), "timeZone");
            refused(changed.deepCopy().set("gkZones", JSON.readTree("[38]")), "gkZones");
            refused(changed.deepCopy().set("extent", JSON.readTree("[116.7,32.9,115.9,33.6]")), "extent");
            refused(changed.deepCopy().set("extent", JSON.readTree("[116.0,33.0,116.5,33.4]")), "boundary");
            refused(changed.deepCopy().set("boundary", JSON.readTree("{\"type\":\"Point\",\"coordinates\":[116.3,33.2]}")),
                    "boundary");
            refused(changed.deepCopy().set("boundary", JSON.readTree("{\"type\":\"Polygon\",\"coordinates\":\"x\"}")),
                    "boundary");
            ObjectNode farTown = changed.deepCopy();
            ((ObjectNode) farTown.at("/towns/0")).set("seat", JSON.readTree("[120, 30]"));
            refused(farTown, "towns[0].seat");
            assertThat(admin.get("/api/v1/county").json().get("nameZh").asString()).as("nothing refused was kept")
                .isEqualTo("改名县");
        }
        finally {
            assertThat(admin.send("PUT", "/api/v1/county", original).status()).isEqualTo(200);
        }
    }

    private void refused(JsonNode profile, String field) {
        Http.Reply reply = admin.send("PUT", "/api/v1/county", profile.toString());
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.body()).contains("\"" + field + "\"");
    }

}
