package cn.hetu.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hetu.export.GdalCommand;

/**
 * GDAL's side of an import: {@code ogrinfo} describes the file, {@code ogr2ogr} copies it into
 * a staging table of its own, {@code import_staging.job_<id>}, reprojected to EPSG:4490 with the
 * attributes decoded. The staging table keeps the file's field names as they are (Chinese too).
 */
@Component
class Staging {

    static final String SCHEMA = "import_staging";

    private static final Duration INSPECT_TIMEOUT = Duration.ofMinutes(5);

    private static final Duration LOAD_TIMEOUT = Duration.ofHours(2);

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*");

    /** Columns a CSV's coordinates or geometry may be in. */
    private static final List<String> CSV_OPTIONS = List.of("-oo", "X_POSSIBLE_NAMES=lon,lng,longitude,x,经度,东经",
            "-oo", "Y_POSSIBLE_NAMES=lat,latitude,y,纬度,北纬", "-oo", "GEOM_POSSIBLE_NAMES=wkt,geom,geometry,the_geom,几何",
            "-oo", "KEEP_GEOM_COLUMNS=NO");

    private final JdbcClient jdbc;

    private final String connection;

    private final String password;

    Staging(JdbcClient jdbc, @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username}") String user, @Value("${spring.datasource.password:}") String password) {
        this.jdbc = jdbc;
        Matcher m = JDBC_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("Cannot derive a libpq connection from " + url);
        }
        this.connection = "PG:host=" + m.group(1) + " port=" + (m.group(2) == null ? "5432" : m.group(2)) + " dbname="
                + m.group(3) + " user=" + user;
        this.password = password;
    }

    static String table(UUID job) {
        return "job_" + job.toString().replace("-", "");
    }

    static String qualified(UUID job) {
        return SCHEMA + "." + table(job);
    }

    /** A CSV in another encoding is rewritten as UTF-8, the only encoding GDAL's CSV driver reads. */
    void toUtf8(UploadedFiles.Upload upload, SourceEncoding encoding) throws IOException {
        if (upload.format().equals("csv") && !encoding.name().equals("UTF-8")) {
            String text = new String(Files.readAllBytes(upload.dataset()), encoding.charset());
            Files.writeString(upload.dataset(), text, StandardCharsets.UTF_8);
        }
    }

    List<SourceLayer> inspect(UploadedFiles.Upload upload, SourceEncoding encoding) throws IOException {
        List<String> command = new ArrayList<>(List.of("ogrinfo", "-ro", "-so", "-al"));
        command.addAll(readOptions(upload, encoding));
        command.add(upload.dataset().toString());
        GdalCommand.Result result = GdalCommand.of(command, INSPECT_TIMEOUT).run(p -> {
        });
        if (result.exitCode() != 0) {
            throw ImportRefused.unprocessable("GDAL cannot read the file: " + firstError(result.output()));
        }
        return SourceLayer.parse(result.output());
    }

    /** The ogr2ogr run that fills the staging table; it can be stopped while it runs. */
    GdalCommand loadCommand(UUID job, UploadedFiles.Upload upload, SourceLayer layer, SourceCrs crs,
            SourceEncoding encoding) {
        List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "PostgreSQL", connection));
        command.addAll(List.of(upload.dataset().toString(), layer.name()));
        command.addAll(readOptions(upload, encoding));
        command.addAll(List.of("-lco", "SCHEMA=" + SCHEMA, "-nln", table(job), "-lco", "GEOMETRY_NAME=geom", "-lco",
                "FID=ogc_fid", "-lco", "LAUNDER=NO", "-lco", "PRECISION=NO", "-lco", "SPATIAL_INDEX=NONE", "-nlt",
                "GEOMETRY", "-dim", "XY", "-t_srs", "EPSG:4490", "-gt", "65536", "-progress"));
        if (crs.sourceSrs() != null) {
            command.addAll(List.of("-s_srs", crs.sourceSrs()));
        }
        return new GdalCommand(command, password.isEmpty() ? Map.of() : Map.of("PGPASSWORD", password), LOAD_TIMEOUT);
    }

    void drop(UUID job) {
        jdbc.sql("DROP TABLE IF EXISTS " + qualified(job)).update();
    }

    /** GDAL's error lines, which say what went wrong, without its progress dots. */
    static String firstError(String output) {
        List<String> errors = output.lines().filter(line -> line.startsWith("ERROR") || line.startsWith("FAILURE")).toList();
        if (errors.isEmpty()) {
            return output.strip().lines().findFirst().orElse("no message");
        }
        return String.join(" ", errors.subList(0, Math.min(3, errors.size())));
    }

    private static List<String> readOptions(UploadedFiles.Upload upload, SourceEncoding encoding) {
        List<String> options = new ArrayList<>();
        if (upload.format().equals("shp") && !encoding.origin().equals("cpg")) {
            options.addAll(List.of("--config", "SHAPE_ENCODING", encoding.gdalName()));
        }
        if (upload.format().equals("csv")) {
            options.addAll(CSV_OPTIONS);
        }
        return options;
    }

}
