package cn.hetu.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The application API's documentation is titled after the product and its version and lists each operation once. */
@RegistryTest
class ApiDocsTests {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @Autowired
    Http http;

    @Test
    void titledHetuApiWithTheVersionAndEachOperationOnce() {
        JsonNode doc = http.get("/v3/api-docs").json();
        assertThat(doc.at("/info/title").asString()).isEqualTo("Hetu API");
        assertThat(doc.at("/info/version").asString()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("@");
        Map<String, List<String>> byHandler = new HashMap<>();
        List<String> operations = new ArrayList<>();
        for (var path : doc.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    String id = operation.getValue().path("operationId").asString("");
                    operations.add(operation.getKey() + " " + path.getKey());
                    String controller = operation.getValue().path("tags").path(0).asString("");
                    byHandler.computeIfAbsent(controller + "." + id.replaceAll("_\\d+$", ""), k -> new ArrayList<>())
                        .add(operation.getKey() + " " + path.getKey());
                }
            }
        }
        assertThat(operations).hasSizeGreaterThan(30);
        assertThat(byHandler.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Object::toString))
            .as("one handler listed under several methods or paths")
            .isEmpty();
    }

    @Test
    void theProblemSchemaListsEveryErrorCode() {
        JsonNode doc = http.get("/v3/api-docs").json();
        JsonNode code = doc.at("/components/schemas/Problem/properties/code");
        List<String> listed = new ArrayList<>();
        code.get("enum").forEach(c -> listed.add(c.asString()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
        assertThat(code.get("description").asString()).contains("invalid_filter").contains("database_unavailable");
    }

}
