package cn.hetu.imports;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 泵站 added by one migration (test resource db/pumping-station, applied to {@link TrialCounty}) and nothing else:
 * it is an OGC collection with a described schema, editable with its rules, tiled, found by search and exported.
 */
class PumpingStationTests {

    private static Http admin;

    @BeforeAll
    static void start() {
        admin = TrialCounty.admin();
    }

    @Test
    void aCollectionAddedByAMigrationIsServedEverywhere() {
        assertThat(admin.get("/ogc/collections").body()).contains("\"pumping_station\"");
        assertThat(admin.get("/api/v1/layers").body()).contains("\"pumping_station\"", "泵站");

        JsonNode schema = admin.get("/ogc/collections/pumping_station/schema").json();
        assertThat(schema.get("x-owner-department").asString()).isEqualTo("water");
        assertThat(schema.at("/properties/geometry/x-ogc-role").asString()).isEqualTo("primary-geometry");
        assertThat(schema.at("/properties/id/x-ogc-role").asString()).isEqualTo("id");
        assertThat(schema.at("/properties/pump_type/x-titles/zh").asString()).isEqualTo("泵型");
        assertThat(schema.at("/properties/pump_type/x-titles/en").asString()).isEqualTo("Pump type");
        assertThat(schema.at("/properties/pump_type/enum").toString()).isEqualTo("[\"axial\",\"mixed\",\"centrifugal\"]");
        assertThat(schema.at("/properties/pump_type/oneOf/0/x-titles/zh").asString()).isEqualTo("轴流泵");
        assertThat(schema.at("/properties/flow_m3_s/x-ogc-unit").asString()).isEqualTo("m³/s");
        assertThat(schema.at("/properties/units/minimum").asInt()).isEqualTo(1);
        assertThat(schema.at("/properties/units/maximum").asInt()).isEqualTo(50);
        assertThat(schema.at("/properties/river/maxLength").asInt()).isEqualTo(100);
        assertThat(schema.at("/properties/created_at/readOnly").asBoolean()).isTrue();
        assertThat(schema.get("required").toString()).contains("\"pump_type\"", "\"code\"", "\"department\"");
        assertThat(admin.get("/ogc/collections/pumping_station/schema?lang=en").json().at("/properties/pump_type/title")
            .asString()).isEqualTo("Pump type");
        assertThat(admin.get("/ogc/collections/pumping_station/queryables").json().at("/properties/pump_type/x-labels/axial")
            .asString()).isEqualTo("轴流泵");

        String station = """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[113.97,34.76]},
                 "properties":{"code":"BZ-%s","name":"甲城排涝泵站%s","department":"water","pump_type":"%s","units":%d,"flow_m3_s":12.5}}""";
        Http.Reply badType = admin.post("/ogc/collections/pumping_station/items", station.formatted("1", "", "screw", 4));
        assertThat(badType.status()).as(badType.body()).isEqualTo(400);
        assertThat(badType.body()).contains("pump_type", "轴流泵");
        assertThat(admin.post("/ogc/collections/pumping_station/items", station.formatted("2", "", "axial", 99)).status())
            .as("units at most 50").isEqualTo(400);
        Http.Reply created = admin.post("/ogc/collections/pumping_station/items", station.formatted("3", "一号", "axial", 4));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode items = admin.get("/ogc/collections/pumping_station/items").json();
        assertThat(items.at("/features/0/properties/name").asString()).isEqualTo("甲城排涝泵站一号");
        Http.Reply tile = admin.get("/tiles/pumping_station/10/836/406.mvt");
        assertThat(tile.status()).isEqualTo(200);
        assertThat(tile.body()).contains("pumping_station", "甲城排涝泵站一号");
        assertThat(admin.get("/api/v1/search?q=" + ImportClient.encode("排涝泵站")).body()).contains("甲城排涝泵站一号");
        String csv = admin.get("/api/v1/collections/pumping_station/export?format=csv").body();
        assertThat(csv).contains("泵型", "设计流量", "轴流泵", "甲城排涝泵站一号");
    }

    /** What the map builds its legend, details and form from: the batched schemas and the symbology, both from the migration. */
    @Test
    void theMapLearnsItsFieldsKindsAndSymbolFromTheServer() {
        JsonNode schema = admin.get("/api/v1/schemas").json().get("pumping_station");
        assertThat(schema.at("/properties/pump_type/x-kind").asString()).isEqualTo("enum");
        assertThat(schema.at("/properties/pump_type/x-enumeration").asString()).isEqualTo("pump_type");
        assertThat(schema.at("/properties/built_year/x-kind").asString()).as("declared by the migration").isEqualTo("year");
        assertThat(schema.at("/properties/units/x-kind").asString()).as("from its type").isEqualTo("int");
        assertThat(schema.at("/properties/department/x-kind").asString()).isEqualTo("department");
        assertThat(schema.at("/properties/status/default").asString()).isEqualTo("none");
        assertThat(schema.at("/properties/units/x-units/zh").asString()).isEqualTo("台");
        assertThat(admin.get("/api/v1/schemas?lang=en").json().at("/pumping_station/properties/pump_type/title").asString())
            .isEqualTo("Pump type");
        assertThat(admin.get("/api/v1/schemas?bbox=1,2,3,4").status()).isEqualTo(400);

        JsonNode symbology = admin.get("/api/v1/symbology").json();
        assertThat(symbology.at("/markerShapes/pumping_station").asString()).isEqualTo("pentagon");
        assertThat(symbology.at("/markerShapes/sluice").asString()).as("the file's symbols stay").isEqualTo("square");
        assertThat(admin.get("/ogc/collections/pumping_station/styles/hetu?f=qml").body()).contains("pentagon");
    }

    @Test
    void itsSpreadsheetSpeaksChinese() throws Exception {
        byte[] xlsx = admin.bytes("/api/v1/collections/pumping_station/export?format=xlsx").body();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> headers = new ArrayList<>();
            workbook.getSheetAt(0).getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).contains("泵型", "机组台数（台）", "设计流量（立方米/秒）", "建成年份", "编码", "名称");
        }
    }

}
