package cn.hetu.ogcapi;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import cn.hetu.FrontEndFixture;
import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/schemas: every readable collection's schema in one answer, equal to the one-by-one documents, with
 * what the map needs to show and edit a field (its kind, coded values and their list, defaults, read-only fields).
 * The front end's unit tests read a copy of the answer (frontend/test/fixtures/schemas.json) compared here.
 */
@RegistryTest
class SchemasTests {

    @Autowired
    Http http;

    @Test
    void everyCollectionIsDescribedAsItsOwnSchemaDocumentSaysAndTheFixtureIsTheAnswer() {
        JsonNode schemas = http.get("/api/v1/schemas").json();
        assertThat(schemas.has("ditch")).isTrue();
        assertThat(schemas.has("project")).isTrue();
        schemas.properties().forEach(e -> assertThat(e.getValue())
            .as(e.getKey()).isEqualTo(http.get("/ogc/collections/" + e.getKey() + "/schema").json()));
        ObjectNode withoutAddresses = (ObjectNode) schemas.deepCopy();
        withoutAddresses.properties().forEach(e -> ((ObjectNode) e.getValue()).remove("$id"));
        FrontEndFixture.assertMatches("schemas.json", withoutAddresses);
    }

    @Test
    void aFieldSaysHowItIsShownAndWhetherAFormMayWriteIt() {
        JsonNode schemas = http.get("/api/v1/schemas").json();
        assertThat(schemas.at("/ditch/properties/length_m/x-kind").asString()).isEqualTo("length");
        assertThat(schemas.at("/ditch/properties/length_m/readOnly").asBoolean()).isTrue();
        assertThat(schemas.at("/ditch/properties/treated_year/x-kind").asString()).isEqualTo("year");
        assertThat(schemas.at("/ditch/properties/treated/default").asBoolean(true)).isFalse();
        assertThat(schemas.at("/ditch/properties/class/x-enumeration").asString()).isEqualTo("ditch_class");
        assertThat(schemas.at("/ditch/properties/status/default").asString()).isEqualTo("none");
        assertThat(schemas.at("/sluice/properties/gate_count/x-kind").asString()).isEqualTo("count");
        assertThat(schemas.at("/project/properties/status/readOnly").asBoolean()).as("changes by its lifecycle").isTrue();
        assertThat(schemas.at("/project/properties/status/default").isMissingNode()).isTrue();
        assertThat(schemas.at("/project/properties/progress_reported_by/readOnly").asBoolean()).isTrue();
        assertThat(schemas.at("/project/properties/investment_done/x-kind").asString()).isEqualTo("money10k");
        assertThat(schemas.at("/project/properties/progress_method/x-enumeration").asString()).isEqualTo("progress_method");
        assertThat(schemas.at("/land_parcel/properties/department/x-kind").asString()).isEqualTo("department");
        assertThat(http.get("/api/v1/schemas?lang=en").json().at("/ditch/properties/class/oneOf/0/title").asString())
            .isEqualTo("Large ditch");
    }

    @Test
    void anonymousReadersGetThePublicCollectionsOnly() {
        JsonNode schemas = http.anonymous().get("/api/v1/schemas").json();
        assertThat(schemas.has("patrol_issue")).isFalse();
    }

}
