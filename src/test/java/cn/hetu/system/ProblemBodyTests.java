package cn.hetu.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal, whoever answers it (a controller, Spring MVC itself, the security layer, a filter),
 * has the same RFC 9457 shape: a type and a code from Hetu's vocabulary, the title in the reader's
 * language (Chinese unless English is preferred) and the parameter concerned.
 */
@RegistryTest
class ProblemBodyTests {

    @Autowired
    Http http;

    @Test
    void anInvalidParameterNamesItselfInTheReadersLanguage() {
        Http.Reply zh = http.get("/ogc/collections/sluice/items?limit=lots");
        assertProblem(zh, 400, ErrorCode.INVALID_PARAMETER);
        assertThat(zh.json().get("parameter").asString()).isEqualTo("limit");
        assertThat(zh.json().get("title").asString()).isEqualTo("参数无效");
        Http.Reply en = http.get("/ogc/collections/sluice/items?limit=lots", "Accept-Language", "en-GB,en;q=0.9,zh;q=0.5");
        assertThat(en.json().get("title").asString()).isEqualTo("Invalid parameter");
        Http.Reply preferChinese = http.get("/ogc/collections/sluice/items?limit=lots", "Accept-Language", "zh-CN,en;q=0.8");
        assertThat(preferChinese.json().get("title").asString()).isEqualTo("参数无效");
    }

    @Test
    void aBadFilterIsAnInvalidFilter() {
        Http.Reply reply = http.get("/ogc/collections/sluice/items?filter="
                + URLEncoder.encode("name LIKE", StandardCharsets.UTF_8));
        assertProblem(reply, 400, ErrorCode.INVALID_FILTER);
        assertThat(reply.json().get("parameter").asString()).isEqualTo("filter");
    }

    @Test
    void aRefusedShapeSaysTheKindOfFaultAndWhere() {
        String bowtie = """
                {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[116.30,33.20],[116.31,33.21],
                [116.31,33.20],[116.30,33.21],[116.30,33.20]]]},"properties":{"code":"PB-BOW","name":"自相交地块",
                "department":"natres","parcel_no":"PB-BOW","category":"idle"}}""";
        Http.Reply crossed = http.post("/ogc/collections/land_parcel/items", bowtie);
        assertProblem(crossed, 400, ErrorCode.INVALID_GEOMETRY);
        assertThat(crossed.json().get("fault").asString()).isEqualTo("self_intersection");
        assertThat(crossed.json().get("location").size()).isEqualTo(2);
        Http.Reply line = http.post("/ogc/collections/sluice/items", """
                {"type":"Feature","geometry":{"type":"LineString","coordinates":[[116.3,33.2],[116.4,33.3]]},
                 "properties":{"code":"PB-X","name":"x","department":"water","scale":"small"}}""");
        assertProblem(line, 400, ErrorCode.INVALID_GEOMETRY);
        assertThat(line.json().get("fault").asString()).isEqualTo("wrong_type");
    }

    @Test
    void springsOwnErrorsHaveTheSameShape() {
        assertProblem(http.get("/api/v1/no-such-route"), 404, ErrorCode.NOT_FOUND);
        assertProblem(http.delete("/api/v1/departments"), 405, ErrorCode.METHOD_NOT_ALLOWED);
        assertProblem(http.post("/api/v1/me/tokens", "{\"name\":"), 400, ErrorCode.MALFORMED_BODY);
        assertProblem(http.post("/api/v1/me/tokens", "<name/>".getBytes(StandardCharsets.UTF_8), "application/xml"), 415,
                ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertProblem(http.get("/ogc/collections/no_such_layer/items"), 404, ErrorCode.NOT_FOUND);
        // Rejected by the firewall before Spring MVC, answered through the container's error page.
        assertProblem(http.get("/api/v1/projects;x=1"), 400, ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void theSecurityLayersRefusalsHaveTheSameShape() {
        Http.Reply anonymous = http.anonymous().get("/api/v1/projects", "X-Requested-With", "XMLHttpRequest");
        assertProblem(anonymous, 401, ErrorCode.UNAUTHENTICATED);
        assertThat(anonymous.json().get("title").asString()).isEqualTo("需要登录");
        Http viewer = TestAccounts.viewer(http);
        assertProblem(viewer.get("/api/v1/accounts"), 403, ErrorCode.FORBIDDEN);
        // A body a cross-site form could send needs a CSRF token, even with credentials.
        assertProblem(viewer.post("/api/v1/me/tokens", "name".getBytes(StandardCharsets.UTF_8), "text/plain"), 403,
                ErrorCode.CSRF_REFUSED);
    }

    @Test
    void aBodyOverTheLimitIsPayloadTooLarge() {
        String huge = "{\"name\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}";
        assertProblem(http.post("/api/v1/me/tokens", huge), 413, ErrorCode.PAYLOAD_TOO_LARGE);
    }

    private static void assertProblem(Http.Reply reply, int status, ErrorCode code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("code").asString()).as(reply.body()).isEqualTo(code.code());
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:hetu:problem:" + code.code());
        assertThat(reply.json().get("title").asString()).isNotBlank();
        assertThat(reply.json().get("detail").asString()).isNotBlank();
    }

}
