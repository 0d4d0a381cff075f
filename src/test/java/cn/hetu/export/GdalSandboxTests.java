package cn.hetu.export;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox every GDAL run gets, tested on its own, behind the content checks of the imports:
 * even a file that reached GDAL could open no other driver, no credential and no network.
 */
class GdalSandboxTests {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private HttpServer listener;

    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + listener.getAddress().getPort() + path;
    }

    @Test
    void gdalRunsWithoutTheServersCredentialsOrProxies() throws IOException {
        String environment = new GdalCommand(List.of("env"), Set.of("GeoJSON"), MINUTE).runOrFail();
        assertThat(environment).doesNotContain("PGPASSWORD").doesNotContain("HETU_DB").doesNotContain("PGUSER")
            .doesNotContain("SPRING_DATASOURCE").contains("GDAL_HTTP_PROXY=127.0.0.1:0").contains("GDAL_SKIP=");
        String password = System.getenv("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            assertThat(environment).doesNotContain(password);
        }
    }

    @Test
    void onlyTheDriversNamedCanOpenAFile(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "token\nHETU-SANDBOX-SECRET\n");
        Path vrt = Files.writeString(dir.resolve("layer.geojson"), "<OGRVRTDataSource><OGRVRTLayer name=\"x\"><SrcDataSource>CSV:"
                + secret + "</SrcDataSource><SrcLayer>secret</SrcLayer></OGRVRTLayer></OGRVRTDataSource>");
        GdalCommand.Result result = new GdalCommand(List.of("ogrinfo", "-ro", "-al", vrt.toString()), Set.of("GeoJSON"), MINUTE)
            .run(p -> {
            });
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).doesNotContain("HETU-SANDBOX-SECRET").doesNotContain("OGR_VRT");
    }

    @Test
    void noRequestLeavesAGdalRunWhateverTheFileAsks(@TempDir Path dir) throws IOException {
        Path linked = Files.writeString(dir.resolve("linked.geojson"), """
                {"type":"FeatureCollection","crs":{"type":"link","properties":{"href":"%s","type":"proj4"}},
                 "features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[116.2,33.2]}}]}"""
            .formatted(url("/crs")));
        new GdalCommand(List.of("ogrinfo", "-ro", "-al", linked.toString()), Set.of("GeoJSON"), MINUTE).run(p -> {
        });
        new GdalCommand(List.of("ogrinfo", "-ro", "-al", "/vsicurl/" + url("/direct.geojson")), Set.of("GeoJSON"), MINUTE)
            .run(p -> {
            });
        assertThat(requests).isEmpty();
    }

}
