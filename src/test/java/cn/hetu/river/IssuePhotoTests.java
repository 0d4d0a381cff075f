package cn.hetu.river;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

@RegistryTest
class IssuePhotoTests {

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPhotoWithExifIsCheckedAgainstTheReportAndItsUploadIsIdempotent() throws IOException {
        double[] at = segmentMiddle();
        UUID issue = report(at, "2026-10-07T10:00:00+08:00");
        // 0.001° of latitude is about 111 m; taken 30 minutes after the report, county time.
        byte[] jpeg = TestPhotos.jpegWithExif(1200, 800, 6, "2026:10:07 10:30:00", at[0], at[1] + 0.001);
        UUID id = UUID.randomUUID();
        byte[] body = TestPhotos.multipart("IMG_0001.JPG", "image/jpeg", jpeg, "id", id.toString());
        Http.Reply first = phone().post(photos(issue), body, TestPhotos.MULTIPART);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Location")).contains("/api/v1/photos/" + id);
        JsonNode photo = first.json();
        assertThat(photo.get("kind").asString()).isEqualTo("before");
        assertThat(photo.get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(photo.get("width").asInt()).as("orientation 6: stored upright, so tall").isEqualTo(800);
        assertThat(photo.get("height").asInt()).isEqualTo(1200);
        assertThat(photo.get("takenAt").asString()).isEqualTo("2026-10-07T02:30:00Z");
        assertThat(photo.get("exifLat").asDouble()).isCloseTo(at[1] + 0.001, offset(1e-6));
        assertThat(photo.get("distanceFromReportM").asDouble()).isCloseTo(111, offset(2.0));
        assertThat(photo.get("minutesFromReport").asLong()).isEqualTo(30);
        assertThat(photo.get("evidenceMatches").asBoolean()).isTrue();
        assertThat(photo.get("url").asString()).isEqualTo("/api/v1/photos/" + id);

        Http.Reply again = phone().post(photos(issue), body, TestPhotos.MULTIPART);
        assertThat(again.status()).as("the same id again").isEqualTo(200);
        assertThat(again.json().get("uploadedAt")).isEqualTo(photo.get("uploadedAt"));
        assertThat(jdbc.sql("SELECT count(*) FROM issue_photo WHERE issue_id = ?").param(issue).query(Long.class).single())
            .isEqualTo(1);
        assertThat(admin.get("/api/v1/issues/" + issue).json().get("photos").get(0).get("id").asString())
            .isEqualTo(id.toString());

        HttpResponse<byte[]> original = admin.bytes("/api/v1/photos/" + id);
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).hasSize(photo.get("bytes").asInt());
        assertThat(ImageIO.read(new ByteArrayInputStream(original.body())).getHeight()).isEqualTo(1200);
        assertThat(original.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(original.headers().firstValue("Cache-Control").orElse("")).contains("private");
        assertThat(original.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        HttpResponse<byte[]> thumbnail = admin.bytes("/api/v1/photos/" + id + "/thumbnail");
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertThat(thumbnail.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(small.getWidth()).as("orientation 6: turned upright, so tall").isEqualTo(213);
        assertThat(small.getHeight()).isEqualTo(320);
        assertThat(admin.anonymous().bytes("/api/v1/photos/" + id).statusCode()).isEqualTo(401);
        assertThat(TestAccounts.natresEditor(admin).bytes("/api/v1/photos/" + id).statusCode()).isEqualTo(403);
    }

    @Test
    void aPhotoFarFromTheReportIsNoEvidenceAndOneWithoutExifProvesNothing() {
        double[] at = segmentMiddle();
        UUID issue = report(at, "2026-10-07T10:00:00+08:00");
        Http.Reply far = phone().post(photos(issue), TestPhotos.multipart("far.jpg", "image/jpeg",
                TestPhotos.jpegWithExif(64, 48, 1, "2026:10:07 10:30:00", at[0] + 0.05, at[1])), TestPhotos.MULTIPART);
        assertThat(far.json().get("distanceFromReportM").asDouble()).isGreaterThan(4000);
        assertThat(far.json().get("evidenceMatches").asBoolean()).isFalse();
        Http.Reply plain = phone().post(photos(issue), TestPhotos.multipart("plain.png", "image/png",
                TestPhotos.image("png", 64, 48), "kind", "after"), TestPhotos.MULTIPART);
        assertThat(plain.status()).as(plain.body()).isEqualTo(201);
        assertThat(plain.json().get("kind").asString()).isEqualTo("after");
        assertThat(plain.json().get("contentType").asString()).isEqualTo("image/png");
        assertThat(plain.json().has("takenAt")).as("null, not left out").isTrue();
        assertThat(plain.json().get("takenAt").isNull()).isTrue();
        assertThat(plain.json().get("evidenceMatches").isNull()).isTrue();
    }

    @Test
    void aWebpPhotoIsDecodedAndThumbnailed() {
        UUID issue = report(segmentMiddle(), "2026-10-08T09:00:00+08:00");
        // The smallest lossy WebP: one pixel, a VP8 key frame in a RIFF container.
        byte[] webp = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
        Http.Reply reply = phone().post(photos(issue), TestPhotos.multipart("leaf.bin", "application/octet-stream", webp),
                TestPhotos.MULTIPART);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("contentType").asString()).as("stored again as a JPEG").isEqualTo("image/jpeg");
        assertThat(reply.json().get("width").asInt()).isEqualTo(1);
        HttpResponse<byte[]> thumbnail = admin.bytes(reply.json().get("thumbnailUrl").asString());
        assertThat(thumbnail.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(admin.bytes(reply.json().get("url").asString()).headers().firstValue("Content-Type")).contains("image/jpeg");
    }

    @Test
    void onlyRealJpegPngAndWebpPhotosOfAcceptableSizeAreTaken() {
        UUID issue = report(segmentMiddle(), "2026-10-08T10:00:00+08:00");
        Http.Reply text = phone().post(photos(issue), TestPhotos.multipart("site.jpg", "image/jpeg",
                "这不是图片 just text pretending".getBytes(StandardCharsets.UTF_8)), TestPhotos.MULTIPART);
        assertProblem(text, 415, "file");
        byte[] broken = TestPhotos.image("jpeg", 64, 64);
        Http.Reply truncated = phone().post(photos(issue), TestPhotos.multipart("cut.jpg", "image/jpeg",
                Arrays.copyOf(broken, 40)), TestPhotos.MULTIPART);
        assertProblem(truncated, 415, "file");
        byte[] big = new byte[8 * 1024 * 1024 + 10];
        System.arraycopy(broken, 0, big, 0, broken.length);
        assertProblem(phone().post(photos(issue), TestPhotos.multipart("big.jpg", "image/jpeg", big), TestPhotos.MULTIPART),
                413, "file");
        assertProblem(phone().post(photos(issue), TestPhotos.multipart("bomb.png", "image/png",
                TestPhotos.pngClaiming(10_000, 5_000)), TestPhotos.MULTIPART), 413, "file");
        assertProblem(phone().post(photos(issue), TestPhotos.multipart(null, null, null, "kind", "before"),
                TestPhotos.MULTIPART), 400, "file");
        assertProblem(phone().post(photos(issue), TestPhotos.multipart("a.png", "image/png", TestPhotos.image("png", 8, 8),
                "kind", "during"), TestPhotos.MULTIPART), 400, "kind");
        assertThat(jdbc.sql("SELECT count(*) FROM issue_photo WHERE issue_id = ?").param(issue).query(Long.class).single())
            .isZero();
    }

    @Test
    void whatIsStoredIsTheImageAloneMadeAgainFromItsPixels() throws IOException {
        UUID issue = report(segmentMiddle(), "2026-10-08T11:00:00+08:00");
        byte[] html = "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        // A zip (one stored entry, "x.html") as polyglot files carry it after the image.
        byte[] zip = Base64.getDecoder().decode("UEsDBBQAAAAAANtVg10LK2h3JgAAACYAAAAGAAAAeC5odG1sPGh0bWw+PHNjcmlwdD5hbGVydCgx"
                + "KTwvc2NyaXB0PjwvaHRtbD5QSwECFAMUAAAAAADbVYNdCytodyYAAAAmAAAABgAAAAAAAAAAAAAAgAEAAAAAeC5odG1sUEsFBgAAAAABAAEANAAAAEoAAAAAAA==");
        byte[] exifJpeg = TestPhotos.jpegWithExif(120, 80, 6, "2026:10:08 11:10:00", segmentMiddle()[0], segmentMiddle()[1]);
        Map<String, byte[]> polyglots = Map.of("html.png", concat(TestPhotos.image("png", 40, 30), html), "zip.png",
                concat(TestPhotos.image("png", 40, 30), zip), "zip.jpg", concat(exifJpeg, zip));
        for (Map.Entry<String, byte[]> upload : polyglots.entrySet()) {
            Http.Reply reply = phone().post(photos(issue), TestPhotos.multipart(upload.getKey(), "image/png", upload.getValue()),
                    TestPhotos.MULTIPART);
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            byte[] stored = admin.bytes(reply.json().get("url").asString()).body();
            String text = new String(stored, StandardCharsets.ISO_8859_1);
            assertThat(text).as(upload.getKey()).doesNotContain("<html").doesNotContain("PK\u0003\u0004")
                .doesNotContain("x.html").doesNotContain("Exif");
            assertThat(reply.json().get("bytes").asInt()).isEqualTo(stored.length);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
            if (upload.getKey().endsWith(".png")) {
                assertThat(reply.json().get("contentType").asString()).isEqualTo("image/png");
                assertThat(Arrays.copyOfRange(stored, stored.length - 8, stored.length)).as("a PNG ends with its IEND chunk")
                    .isEqualTo(new byte[] { 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82 });
                assertThat(image.getWidth()).isEqualTo(40);
            }
            else {
                assertThat(reply.json().get("contentType").asString()).isEqualTo("image/jpeg");
                assertThat(Arrays.copyOfRange(stored, stored.length - 2, stored.length)).as("a JPEG ends with EOI")
                    .isEqualTo(new byte[] { (byte) 0xFF, (byte) 0xD9 });
                assertThat(image.getWidth()).as("turned upright as its EXIF said").isEqualTo(80);
                assertThat(reply.json().get("takenAt").asString()).as("the EXIF evidence is kept")
                    .isEqualTo("2026-10-08T03:10:00Z");
            }
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void anIssueHasAtMostNinePhotosAndNoFileOutlivesARefusedUpload() {
        UUID issue = report(segmentMiddle(), "2026-10-09T10:00:00+08:00");
        byte[] png = TestPhotos.image("png", 16, 16);
        for (int i = 0; i < Photos.MAX_PER_ISSUE; i++) {
            assertThat(phone().post(photos(issue), TestPhotos.multipart("p.png", "image/png", png), TestPhotos.MULTIPART)
                .status()).isEqualTo(201);
        }
        UUID tenth = UUID.randomUUID();
        assertProblem(phone().post(photos(issue), TestPhotos.multipart("p.png", "image/png", png, "id", tenth.toString()),
                TestPhotos.MULTIPART), 422, "file");
        assertThat(admin.bytes("/api/v1/photos/" + tenth).statusCode()).isEqualTo(404);
    }

    @Test
    void anIssueIsRectifiedOnlyWithAnAfterPhoto() {
        UUID issue = report(segmentMiddle(), "2026-10-10T10:00:00+08:00");
        String url = "/api/v1/issues/" + issue + "/transitions";
        assertThat(admin.post(url, "{\"to\":\"assigned\",\"assignee\":\"石弓镇\",\"deadline\":\"2030-01-01\",\"version\":0}")
            .status()).isEqualTo(200);
        assertThat(admin.post(url, "{\"to\":\"rectifying\",\"version\":1}").status()).isEqualTo(200);
        phone().post(photos(issue), TestPhotos.multipart("before.png", "image/png", TestPhotos.image("png", 16, 16)),
                TestPhotos.MULTIPART);
        assertProblem(admin.post(url, "{\"to\":\"rectified\",\"version\":2}"), 422, "photos");
        phone().post(photos(issue), TestPhotos.multipart("after.png", "image/png", TestPhotos.image("png", 16, 16), "kind",
                "after"), TestPhotos.MULTIPART);
        Http.Reply rectified = admin.post(url, "{\"to\":\"rectified\",\"version\":2}");
        assertThat(rectified.status()).as(rectified.body()).isEqualTo(200);
        assertThat(rectified.json().get("status").asString()).isEqualTo("rectified");
    }

    private Http phone;

    /**
     * Uploads as the phone does: with a bearer token, since multipart form data signed by Basic credentials
     * needs a CSRF token (a cross-site HTML form can send it).
     */
    private Http phone() {
        if (phone == null) {
            phone = admin.withToken(admin.post("/api/v1/me/tokens", "{\"name\":\"photo tests\"}").json().get("token")
                .asString());
        }
        return phone;
    }

    private double[] segmentMiddle() {
        Map<String, Object> point = jdbc.sql("""
                SELECT ST_X(ST_LineInterpolatePoint(geom, 0.5)) AS lon, ST_Y(ST_LineInterpolatePoint(geom, 0.5)) AS lat
                FROM river_segment WHERE river = '包河' ORDER BY id LIMIT 1""").query().singleRow();
        return new double[] { ((Number) point.get("lon")).doubleValue(), ((Number) point.get("lat")).doubleValue() };
    }

    private UUID report(double[] at, String reportedAt) {
        UUID id = UUID.randomUUID();
        Http.Reply reply = admin.post("/api/v1/issues", """
                {"id":"%s","lon":%s,"lat":%s,"category":"dumping","description":"河岸堆放垃圾","reportedAt":"%s"}"""
            .formatted(id, at[0], at[1], reportedAt));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return id;
    }

    private static String photos(UUID issue) {
        return "/api/v1/issues/" + issue + "/photos";
    }

    private static void assertProblem(Http.Reply reply, int status, String parameter) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("parameter").asString()).as(reply.body()).isEqualTo(parameter);
        assertThat(reply.json().get("detail").asString()).isNotBlank();
    }

}
