package cn.hetu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the running test server: requests go over a real socket to 127.0.0.1.
 * The bean signs in as the administrator; {@link #as}, {@link #withToken} and {@link #anonymous}
 * give clients for other users, and {@link #browser} one that keeps cookies like a browser.
 */
public class Http {

    /** A response with its body parsed as JSON when it is JSON. */
    public record Reply(int status, String contentType, String body, JsonNode json, HttpHeaders headers) {
    }

    public static final String ADMIN_PASSWORD = "hetu-test-admin";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;

    private final Environment environment;

    private final String authorization;

    /**
     * The client's address as a trusted proxy on loopback reports it, a different one for every client:
     * failed sign-ins of one test never count against another's address (see sign-in throttling).
     */
    private final String clientAddress = "198.18." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));

    private static final java.util.Random RANDOM = new java.security.SecureRandom();

    @Autowired
    Http(Environment environment) {
        this(environment, basic("admin", ADMIN_PASSWORD), HttpClient.newHttpClient());
    }

    private Http(Environment environment, String authorization, HttpClient client) {
        this.environment = environment;
        this.authorization = authorization;
        this.client = client;
    }

    /** The administrator's client for another running instance of Hetu (another application context). */
    public static Http admin(Environment environment) {
        return new Http(environment);
    }

    public Http as(String username, String password) {
        return new Http(environment, basic(username, password), client);
    }

    public Http withToken(String token) {
        return new Http(environment, "Bearer " + token, client);
    }

    public Http anonymous() {
        return new Http(environment, null, client);
    }

    /** No credentials, but a cookie jar: signs in through the login API like the map application. */
    public Http browser() {
        return new Http(environment, null, HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
    }

    public String base() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    public Reply get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, null, headers);
    }

    public Reply post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    public Reply patch(String path, String json, String... headers) {
        return send("PATCH", path, json, headers);
    }

    public Reply delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    public Reply send(String method, String pathAndQuery, String json, String... headers) {
        HttpRequest.Builder request = request(method, pathAndQuery, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8), headers);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return reply(request);
    }

    /** A POST of any body (multipart form data, say) with its content type; the answer read as text. */
    public Reply post(String path, byte[] body, String contentType) {
        return reply(request("POST", path, HttpRequest.BodyPublishers.ofByteArray(body), "Content-Type", contentType));
    }

    /** A GET whose answer is kept as bytes (images, spreadsheets). */
    public HttpResponse<byte[]> bytes(String pathAndQuery, String... headers) {
        return bytes(request("GET", pathAndQuery, HttpRequest.BodyPublishers.noBody(), headers));
    }

    /** A POST of JSON whose answer is kept as bytes (exports). */
    public HttpResponse<byte[]> postForBytes(String path, String json, String... headers) {
        return bytes(request("POST", path, HttpRequest.BodyPublishers.ofString(json), headers)
            .header("Content-Type", "application/json"));
    }

    private HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String method, String pathAndQuery, HttpRequest.BodyPublisher body,
            String... headers) {
        String url = pathAndQuery.startsWith("http") ? pathAndQuery : base() + pathAndQuery;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method, body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.header("X-Forwarded-For", clientAddress);
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    private Reply reply(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
            return new Reply(response.statusCode(), type, response.body(), body, response.headers());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of a cookie this client holds, for the CSRF header a browser script sends. */
    public String cookie(String name) {
        return client.cookieHandler()
            .map(handler -> ((CookieManager) handler).getCookieStore().getCookies())
            .flatMap(cookies -> cookies.stream().filter(c -> c.getName().equals(name)).findFirst())
            .map(java.net.HttpCookie::getValue)
            .orElse(null);
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

}
