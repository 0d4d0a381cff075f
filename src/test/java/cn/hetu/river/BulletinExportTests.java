package cn.hetu.river;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

@RegistryTest
class BulletinExportTests {

    @Autowired
    Http admin;

    @Test
    void theBulletinRanksChiefsByComplianceThenIssuesClosed() {
        JsonNode bulletin = admin.get("/api/v1/bulletins/2026-10").json();
        JsonNode ranking = bulletin.get("ranking");
        assertThat(ranking.size()).isEqualTo(bulletin.get("chiefs").size()).isPositive();
        for (int i = 1; i < ranking.size(); i++) {
            JsonNode before = ranking.get(i - 1);
            JsonNode after = ranking.get(i);
            assertThat(after.get("rank").asInt()).isEqualTo(i + 1);
            assertThat(before.get("compliancePct").asDouble()).isGreaterThanOrEqualTo(after.get("compliancePct").asDouble());
            if (before.get("compliancePct").asDouble() == after.get("compliancePct").asDouble()) {
                assertThat(before.get("issuesClosed").asInt()).isGreaterThanOrEqualTo(after.get("issuesClosed").asInt());
            }
        }
        int found = 0;
        for (JsonNode chief : bulletin.get("chiefs")) {
            found += chief.get("issuesFound").asInt();
        }
        assertThat(found).as("the demo's October issues are on chiefs' segments").isPositive();
        assertThat(bulletin.has("escalated")).isTrue();
    }

    @Test
    void csvAndXlsxCarryTheSameFiguresAsTheJson() throws IOException {
        JsonNode chiefs = admin.get("/api/v1/bulletins/2026-10").json().get("chiefs");

        HttpResponse<byte[]> csv = admin.bytes("/api/v1/bulletins/2026-10.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(fileName(csv)).isEqualTo("河长制通报-2026-10.csv");
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).startsWith("排名,河长,级别,乡镇");
        assertThat(lines).hasSize(chiefs.size() + 1);
        String[] first = lines.get(1).split(",");
        assertThat(first[1]).isEqualTo(chiefs.get(0).get("name").asString());
        assertThat(Double.parseDouble(first[7])).isEqualTo(chiefs.get(0).get("compliancePct").asDouble());
        assertThat(Integer.parseInt(first[9])).isEqualTo(chiefs.get(0).get("issuesClosed").asInt());

        HttpResponse<byte[]> xlsx = admin.bytes("/api/v1/bulletins/2026-10.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(fileName(xlsx)).isEqualTo("河长制通报-2026-10.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("河长");
            assertThat(sheet.getLastRowNum()).isEqualTo(chiefs.size());
            for (int i = 0; i < chiefs.size(); i++) {
                Row row = sheet.getRow(i + 1);
                JsonNode chief = chiefs.get(i);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(chief.get("name").asString());
                assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(chief.get("required").asInt());
                assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(chief.get("done").asInt());
                assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(chief.get("compliancePct").asDouble());
                assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(chief.get("issuesFound").asInt());
                assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(chief.get("issuesClosed").asInt());
                assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(chief.get("issuesOverdue").asInt());
            }
        }
        assertThat(admin.get("/api/v1/bulletins/2026-13.csv").status()).isEqualTo(400);
    }

    @Test
    void theMonthsIssueMapCarriesPlaceSegmentAndChief() {
        JsonNode issues = admin.get("/api/v1/issues?month=2026-10").json();
        assertThat(issues.size()).isPositive();
        for (JsonNode issue : issues) {
            assertThat(issue.get("reportedAt").asString()).isBetween("2026-09-30T16:00:00Z", "2026-10-31T16:00:00Z");
            assertThat(issue.get("lon").asDouble()).isBetween(115.9, 116.7);
        }
        JsonNode onSegment = null;
        for (JsonNode issue : issues) {
            if (issue.has("segmentId")) {
                onSegment = issue;
                break;
            }
        }
        assertThat(onSegment).isNotNull();
        assertThat(onSegment.get("segmentName").asString()).isNotBlank();
        assertThat(onSegment.get("town").asString()).isNotBlank();
        assertThat(onSegment.get("chief").get("name").asString()).isNotBlank();
        String town = onSegment.get("town").asString();
        long chief = onSegment.get("chief").get("id").asLong();
        JsonNode filtered = admin.get("/api/v1/issues?month=2026-10&town=" + URLEncoder.encode(town, StandardCharsets.UTF_8) + "&chiefId=" + chief
                + "&category=" + onSegment.get("category").asString()).json();
        assertThat(filtered.size()).isPositive().isLessThanOrEqualTo(issues.size());
        filtered.forEach(i -> assertThat(i.get("town").asString()).isEqualTo(town));
        assertThat(admin.get("/api/v1/issues?month=October").json().get("parameter").asString()).isEqualTo("month");
        assertThat(admin.get("/api/v1/issues?category=littering").json().get("parameter").asString()).isEqualTo("category");
    }

    private static String fileName(HttpResponse<byte[]> response) {
        String disposition = response.headers().firstValue("Content-Disposition").orElse("");
        assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''");
        return URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8);
    }

}
