package cn.hetu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running test server: requests go over a real socket to 127.0.0.1. */
public class Http {

    /** A response with its body parsed as JSON when it is JSON. */
    public record Reply(int status, String contentType, String body, JsonNode json) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();

    private final Environment environment;

    Http(Environment environment) {
        this.environment = environment;
    }

    public String base() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    public Reply get(String pathAndQuery, String... headers) {
        String url = pathAndQuery.startsWith("http") ? pathAndQuery : base() + pathAndQuery;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") ? JSON.readTree(response.body()) : null;
            return new Reply(response.statusCode(), type, response.body(), json);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
