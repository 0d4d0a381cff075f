package cn.hetu.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.hetu.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads files to the import API as a browser form does, and waits for jobs; files are made by GDAL. */
final class ImportClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Http http;

    private final String authorization;

    ImportClient(Http http, String username, String password) {
        this.http = http.anonymous();
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Http.Reply upload(Path file, Map<String, String> fields) {
        return upload(file.getFileName().toString(), read(file), fields);
    }

    Http.Reply upload(String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "hetu" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/imports"))
            .header("Authorization", authorization)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            // A form post can be forged cross-site, so it carries a CSRF token, as the map application's does.
            .header("Cookie", "XSRF-TOKEN=" + boundary)
            .header("X-XSRF-TOKEN", boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") ? JSON.readTree(response.body()) : null;
            return new Http.Reply(response.statusCode(), type, response.body(), json, response.headers());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Uploads and waits until the file is in staging and checked. */
    JsonNode uploadReady(Path file, Map<String, String> fields) {
        Http.Reply reply = upload(file, fields);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        JsonNode job = waitWhile(reply.json().get("id").asString(), "loading");
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("ready");
        return job;
    }

    JsonNode commit(String id, String body) {
        Http.Reply reply = http.send("POST", "/api/v1/imports/" + id + "/commit", body, "Authorization", authorization);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return waitWhile(id, "committing");
    }

    Http.Reply post(String path, String body) {
        return http.send("POST", path, body, "Authorization", authorization);
    }

    Http.Reply get(String path) {
        return http.send("GET", path, null, "Authorization", authorization);
    }

    JsonNode job(String id) {
        return http.send("GET", "/api/v1/imports/" + id, null, "Authorization", authorization).json();
    }

    JsonNode waitWhile(String id, String state) {
        Instant end = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode job = job(id);
        while (job.get("state").asString().equals(state) && Instant.now().isBefore(end)) {
            sleep(100);
            job = job(id);
        }
        return job;
    }

    JsonNode waitFor(String id, String state) {
        Instant end = Instant.now().plus(Duration.ofMinutes(1));
        JsonNode job = job(id);
        while (!job.get("state").asString().equals(state) && Instant.now().isBefore(end)) {
            sleep(50);
            job = job(id);
        }
        return job;
    }

    byte[] download(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + path)).header("Authorization", authorization).build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path + ": " + new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            return response.body();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A string as a JSON value, quoted and escaped. */
    static String json(String text) {
        return JSON.writeValueAsString(text);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Zips files under the names given (entry name to file). */
    static Path zip(Path target, Map<String, Path> entries) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, Path> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                Files.copy(entry.getValue(), zip);
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Zips the parts of a Shapefile, leaving out the extensions given. */
    static Path zipShapefile(Path shp, Path target, List<String> without) {
        String stem = shp.getFileName().toString().replaceAll("\\.shp$", "");
        Map<String, Path> entries = new LinkedHashMap<>();
        for (String extension : List.of("shp", "shx", "dbf", "prj", "cpg")) {
            Path part = shp.resolveSibling(stem + "." + extension);
            if (Files.exists(part) && !without.contains(extension)) {
                entries.put(stem + "." + extension, part);
            }
        }
        return zip(target, entries);
    }

    static String gdal(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
            return out;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
