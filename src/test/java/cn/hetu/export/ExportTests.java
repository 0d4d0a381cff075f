package cn.hetu.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports for people carry the map's names and values, real dates and documented Shapefile names; for programs the codes. */
@RegistryTest
class ExportTests {

    private static final String ALL = "{}";

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void theParcelShapefileHasTheDocumentedShortNamesChineseValuesAndDateFields(@TempDir Path dir) throws Exception {
        unzip(parcels("shp", ALL), dir);
        String schema = run("ogrinfo", "-ro", "-al", "-so", dir.resolve("parcels.shp").toString());
        assertThat(schema).contains("approval: String", "disp_meth: String", "resp_unit: String", "approved: Date",
                "idle_since: Date", "disposed: Date", "target_dt: Date", "area_mu: Real")
            .doesNotContain("approval_n", "disposal_m", "responsibl");
        String features = run("ogrinfo", "-ro", "-al", "-q", dir.resolve("parcels.shp").toString());
        assertThat(features).contains("category (String) = 闲置土地", "disp_stat (String) = 已处置", "target_dt (Date)")
            .doesNotContain("(String) = idle\n", "(String) = disposed\n", "(String) = urge_construction\n");
    }

    /**
     * An export streams on a thread of its own; Tomcat's default would answer 503 after 30 s, which a Shapefile or
     * GeoPackage of a million parcels (nothing sent until GDAL is done) always took.
     */
    @Test
    void anExportMayTakeAsLongAsGdalIsAllowed() {
        Duration asyncLimit = environment.getProperty("spring.mvc.async.request-timeout", Duration.class);
        assertThat(asyncLimit).isNotNull().isGreaterThan(GdalExport.TIMEOUT);
    }

    @Test
    void theParcelGeoPackageHasChineseColumnsValuesAndDates(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("parcels.gpkg");
        Files.write(file, parcels("gpkg", ALL));
        String schema = run("ogrinfo", "-ro", "-al", "-so", file.toString());
        assertThat(schema).contains("用地类别: String", "批准日期: Date", "处置完成日期: Date", "处置方式: String",
                "面积（平方米）: Real", "面积（亩）: Real", "处置目标日期: Date");
        assertThat(run("ogrinfo", "-ro", "-al", "-q", file.toString())).contains("用地类别 (String) = 批而未供", "处置方式 (String) = 督促动工");
    }

    @Test
    void theParcelWorkbookHasChineseHeadersValuesAndDateCells() throws Exception {
        List<List<Object>> table = workbook(parcels("xlsx", ALL));
        List<Object> header = table.get(0);
        assertThat(header).contains("编码", "宗地号", "用地类别", "面积（平方米）", "面积（公顷）", "面积（亩）", "批准日期",
                "处置方式", "处置状态", "处置完成日期", "责任单位");
        assertThat(table.stream().skip(1).flatMap(List::stream)).contains("闲置土地", "已处置", "督促动工")
            .doesNotContain("idle", "disposed", "urge_construction", "pending");
        int approvedOn = header.indexOf("批准日期");
        assertThat(table.stream().skip(1).map(row -> row.get(approvedOn)).filter(v -> v != null))
            .isNotEmpty()
            .allMatch(v -> v instanceof java.util.Date, "is a date cell");
        long parcels = jdbc.sql("SELECT count(*) FROM land_parcel").query(Long.class).single();
        assertThat(table).hasSize((int) parcels + 1);
    }

    @Test
    void englishWhenTheUserReadsEnglishAndCodesWhenAProgramAsksForThem() throws Exception {
        List<Object> byParameter = workbook(parcels("xlsx&lang=en", ALL)).get(0);
        assertThat(byParameter).contains("Land category", "Approved on", "Area (m²)");
        HttpResponse<byte[]> byHeader = http.bytes("/api/v1/collections/sluice/export?format=xlsx", "Accept-Language", "en-US,en;q=0.9");
        List<List<Object>> sluices = workbook(byHeader.body());
        assertThat(sluices.get(0)).contains("Name", "Safety class");
        assertThat(sluices.stream().flatMap(List::stream)).contains("Small");
        List<List<Object>> codes = workbook(parcels("xlsx&labels=codes", ALL));
        assertThat(codes.get(0)).contains("category", "approval_no", "disposal_status", "area_ha");
        assertThat(codes.stream().flatMap(List::stream)).contains("idle", "disposed");
        assertThat(http.get("/api/v1/collections/sluice/export?format=csv&labels=chinese").status()).isEqualTo(400);
    }

    /** An export takes "which features" exactly as a feature page does: bbox-crs, the min/max check, the same 400s. */
    @Test
    void anExportSelectsFeaturesAsAFeaturePageDoes() {
        String box = "115.5,32.5,117.0,34.0";
        long matched = http.get("/ogc/collections/sluice/items?limit=1&bbox=" + box).json().get("numberMatched").asLong();
        assertThat(matched).isPositive();
        assertThat(exportedFeatures("bbox=" + box)).isEqualTo(matched);
        assertThat(exportedFeatures("bbox=32.5,115.5,34.0,117.0&bbox-crs=EPSG:4490")).as("latitude first in EPSG:4490")
            .isEqualTo(matched);
        Http.Reply upsideDown = http.get("/api/v1/collections/sluice/export?format=geojson&bbox=115.5,34.0,117.0,32.5");
        assertThat(upsideDown.status()).isEqualTo(400);
        assertThat(upsideDown.body()).contains("bbox");
        assertThat(http.get("/api/v1/collections/sluice/export?format=geojson&bbox-crs=EPSG:1").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/collections/sluice/export?format=geojson&no_such_property=1").status()).isEqualTo(400);
    }

    private long exportedFeatures(String query) {
        String geojson = new String(http.bytes("/api/v1/collections/sluice/export?format=geojson&labels=codes&" + query).body(),
                StandardCharsets.UTF_8);
        return Pattern.compile("\"type\"\\s*:\\s*\"Feature\"").matcher(geojson).results().count();
    }

    @Test
    void aCollectionCsvForPeopleUsesTheMapsNames() {
        String csv = new String(http.bytes("/api/v1/collections/sluice/export?format=csv").body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFWKT,");
        String header = csv.lines().findFirst().orElseThrow();
        assertThat(header).contains("编码", "名称", "工作状态", "责任部门", "工程规模", "安全类别", "闸孔数");
        assertThat(csv).contains("县水利局").doesNotContain(",water,");
    }

    static List<List<Object>> workbook(byte[] bytes) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    values.add(value(row.getCell(i)));
                }
                rows.add(values);
            }
        }
        return rows;
    }

    private static Object value(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return DateUtil.isCellDateFormatted(cell) ? cell.getDateCellValue() : (Object) cell.getNumericCellValue();
        }
        return cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : cell.getCellType();
    }

    private byte[] parcels(String format, String search) {
        HttpResponse<byte[]> response = http.postForBytes("/api/v1/parcels/export?crs=4490&format=" + format, search);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return response.body();
    }

    static void unzip(byte[] zip, Path dir) throws IOException {
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null;) {
                Files.write(dir.resolve(entry.getName()), entries.readAllBytes());
            }
        }
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

}
