package cn.hetu.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.system.Spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No CSV or XLSX that Hetu writes lets a spreadsheet run a cell as a formula: every route, with the
 * payloads of formula injection (= + - @, a leading tab or carriage return). Numbers stay numbers.
 */
@RegistryTest
class FormulaGuardTests {

    private static final List<String> PAYLOADS = List.of("=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1+1",
            "\r=1+1");

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void storeThePayloads() {
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String payload = PAYLOADS.get(i);
            String code = "FORMULA-" + i;
            jdbc.sql("""
                    INSERT INTO sluice (code, name, geom, department, scale, gate_type)
                    VALUES (?, ?, ST_SetSRID(ST_MakePoint(116.30 + ? * 0.001, 33.25), 4490), 'water', 'small', ?)""")
                .params(code, payload, i, payload).update();
            jdbc.sql("""
                    INSERT INTO land_parcel (code, name, geom, department, parcel_no, category, holder)
                    VALUES (?, ?, ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(116.30 + ? * 0.001, 33.26), 4490), 0.0002)),
                            'natres', ?, 'idle', ?)""")
                .params(code, payload, i, code, payload).update();
            jdbc.sql("INSERT INTO project (code, name, department, category, year) VALUES (?, ?, 'water', 'water_supply', 2026)")
                .params(code, payload).update();
            jdbc.sql("INSERT INTO river_chief (name, level, town) VALUES (?, 'village', ?)").params(payload, code).update();
        }
    }

    @AfterEach
    void removeThePayloads() {
        jdbc.sql("DELETE FROM sluice WHERE code LIKE 'FORMULA-%'").update();
        jdbc.sql("DELETE FROM land_parcel WHERE code LIKE 'FORMULA-%'").update();
        jdbc.sql("DELETE FROM project WHERE code LIKE 'FORMULA-%'").update();
        jdbc.sql("DELETE FROM river_chief WHERE town LIKE 'FORMULA-%'").update();
    }

    @Test
    void collectionExports() throws Exception {
        for (String labels : List.of("names", "codes")) {
            assertCsvGuarded(get("/api/v1/collections/sluice/export?format=csv&labels=" + labels));
            assertXlsxGuarded(get("/api/v1/collections/sluice/export?format=xlsx&labels=" + labels));
        }
    }

    @Test
    void parcelExports() throws Exception {
        String search = "{\"categories\":[\"idle\"]}";
        for (String labels : List.of("names", "codes")) {
            assertCsvGuarded(post("/api/v1/parcels/export?format=csv&labels=" + labels, search));
            assertXlsxGuarded(post("/api/v1/parcels/export?format=xlsx&labels=" + labels, search));
        }
    }

    @Test
    void projectAndBulletinExports() throws Exception {
        assertCsvGuarded(get("/api/v1/projects/export?format=csv"));
        assertXlsxGuarded(get("/api/v1/projects/export?format=xlsx"));
        assertCsvGuarded(get("/api/v1/bulletins/2026-10.csv"));
        assertXlsxGuarded(get("/api/v1/bulletins/2026-10.xlsx"));
    }

    @Test
    void numbersStayNumbersAndOnlyTextIsPrefixed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<List<Object>> rows = List.of(Arrays.asList(-3, "-3", 2.5, "a-b"));
        Spreadsheets.csv(List.of("n", "t", "x", "y"), rows, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFn,t,x,y\r\n-3,'-3,2.5,a-b\r\n");
        out.reset();
        Spreadsheets.xlsx("s", List.of("n"), rows, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row row = book.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(-3);
            assertThat(row.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    private static void assertCsvGuarded(byte[] body) {
        String csv = new String(body, StandardCharsets.UTF_8);
        for (String payload : PAYLOADS) {
            assertThat(csv).as("the payload is in the file, after an apostrophe").contains("'" + payload);
            assertThat(Pattern.compile("(^|,|\n)\"?" + Pattern.quote(payload)).matcher(csv).find())
                .as("a cell starts with %s", payload.replace("\t", "\\t").replace("\r", "\\r"))
                .isFalse();
        }
    }

    private static void assertXlsxGuarded(byte[] body) throws Exception {
        List<Cell> found = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING && PAYLOADS.contains(cell.getStringCellValue())) {
                        assertThat(cell.getCellStyle().getQuotePrefixed())
                            .as("%s is marked as text", cell.getStringCellValue())
                            .isTrue();
                        found.add(cell);
                    }
                }
            }
        }
        assertThat(found.stream().map(Cell::getStringCellValue)).containsAll(PAYLOADS);
    }

    private byte[] get(String path) {
        HttpResponse<byte[]> response = http.bytes(path);
        assertThat(response.statusCode()).as(path + ": " + new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return response.body();
    }

    private byte[] post(String path, String json) {
        HttpResponse<byte[]> response = http.postForBytes(path, json);
        assertThat(response.statusCode()).as(path + ": " + new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return response.body();
    }

}
