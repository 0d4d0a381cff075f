package cn.hetu.imports;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hetu.export.GdalCommand;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * GDAL's side of an import: {@code ogrinfo} describes the file, {@code ogr2ogr} turns the chosen
 * layer into a PostgreSQL dump file next to it (PGDump driver: COPY text rows with hex EWKB
 * geometries reprojected to EPSG:4490, attributes decoded to UTF-8), and Hetu feeds the rows of that
 * dump, and nothing else of it, to a COPY of its own over its own connection into a staging table of
 * its own, {@code import_staging.job_<id>}. GDAL's SQL statements in the dump are never run. GDAL
 * reads the upload with the one driver of its format and writes with PGDump only, never touches the
 * database and never holds its credentials (see {@link cn.hetu.export.GdalCommand}). The staging
 * table keeps the file's field names as they are (Chinese too) and the types GDAL reads. Binary
 * geometries are read several times faster than the WKT of a CSV, on both sides.
 */
@Component
class Staging {

    static final String SCHEMA = "import_staging";

    private static final Duration INSPECT_TIMEOUT = Duration.ofMinutes(5);

    private static final Duration LOAD_TIMEOUT = Duration.ofHours(2);

    /** The one GDAL driver that opens each accepted format. */
    private static final Map<String, String> DRIVERS = Map.of("shp", "ESRI Shapefile", "gpkg", "GPKG", "geojson", "GeoJSON",
            "kml", "LIBKML", "csv", "CSV");

    /** Column types as GDAL's PostgreSQL driver would make them; lists and binary data stay text. */
    private static final Map<String, String> SQL_TYPES = Map.of("Integer", "integer", "Integer(Boolean)", "boolean",
            "Integer(Int16)", "smallint", "Integer64", "bigint", "Real", "double precision", "Real(Float32)", "real",
            "Date", "date", "DateTime", "timestamp with time zone", "Time", "time");

    /** Columns a CSV's coordinates or geometry may be in. */
    private static final List<String> CSV_OPTIONS = List.of("-oo", "X_POSSIBLE_NAMES=lon,lng,longitude,x,经度,东经",
            "-oo", "Y_POSSIBLE_NAMES=lat,latitude,y,纬度,北纬", "-oo", "GEOM_POSSIBLE_NAMES=wkt,geom,geometry,the_geom,几何",
            "-oo", "KEEP_GEOM_COLUMNS=NO");

    private final JdbcClient jdbc;

    private final DataSource dataSource;

    Staging(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
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
        GdalCommand.Result result = new GdalCommand(command, Set.of(driver(upload)), INSPECT_TIMEOUT).run(p -> {
        });
        if (result.exitCode() != 0) {
            throw ImportRefused.unprocessable("GDAL cannot read " + upload.label() + " as " + driver(upload) + ": "
                    + firstError(result.output()));
        }
        List<SourceLayer> layers = SourceLayer.parse(result.output());
        for (SourceLayer layer : layers) {
            // A layer's name goes onto ogr2ogr's command line: it must not read as an option or hide a line.
            if (layer.name().startsWith("-") || layer.name().chars().anyMatch(Character::isISOControl)) {
                throw ImportRefused.unprocessable(upload.label() + " has a layer named '" + layer.name().replaceAll(
                        "\\p{Cntrl}", "?") + "'; a layer name may not start with '-' or hold control characters");
            }
            for (SourceLayer.Field field : layer.fields()) {
                if (field.name().chars().anyMatch(Character::isISOControl)) {
                    throw ImportRefused.unprocessable(upload.label() + " has a field named '" + field.name().replaceAll(
                            "\\p{Cntrl}", "?") + "'; a field name may not hold control characters");
                }
            }
        }
        return layers;
    }

    /**
     * The ogr2ogr run that writes the layer as the dump Hetu then loads: field names as they are (no
     * laundering), no table or index statements, COPY rows in one block; it can be stopped while it runs.
     */
    GdalCommand convertCommand(UploadedFiles.Upload upload, SourceLayer layer, SourceCrs crs, SourceEncoding encoding) {
        List<String> command = new ArrayList<>(List.of("ogr2ogr", "--config", "PG_USE_COPY", "YES", "-f", "PGDump",
                converted(upload).toString(), upload.dataset().toString(), layer.name()));
        command.addAll(readOptions(upload, encoding));
        command.addAll(List.of("-nln", "staging", "-lco", "LAUNDER=NO", "-lco", "CREATE_TABLE=OFF", "-lco",
                "SPATIAL_INDEX=NONE", "-lco", "GEOMETRY_NAME=geom", "-lco", "SRID=4490", "-unsetFid", "-gt", "unlimited", "-nlt",
                "GEOMETRY", "-dim", "XY", "-t_srs", "EPSG:4490", "-progress"));
        if (crs.sourceSrs() != null) {
            command.addAll(List.of("-s_srs", crs.sourceSrs()));
        }
        return new GdalCommand(command, new HashSet<>(List.of(driver(upload), "PGDUMP")), LOAD_TIMEOUT);
    }

    static Path converted(UploadedFiles.Upload upload) {
        return upload.dir().resolve("staging.sql");
    }

    /**
     * Creates the staging table (the geometry, then the fields in the dump's order, typed as the file
     * types them) and copies the dump's rows in, in one transaction, on Hetu's own connection.
     */
    void load(UUID job, Path dump, SourceLayer layer, IntConsumer backend, IntConsumer progress) throws IOException {
        Map<String, String> types = new HashMap<>();
        layer.fields().forEach(f -> types.put(f.name(), f.type()));
        long size = Math.max(1, Files.size(dump));
        long end = dataEnd(dump);
        try (InputStream file = new BufferedInputStream(Files.newInputStream(dump), 1 << 16);
                Connection connection = dataSource.getConnection()) {
            long[] read = { 0 };
            List<String> header = copyColumns(file, read);
            List<String> fields = header.isEmpty() ? List.of() : header.subList(1, header.size());
            StringBuilder columns = new StringBuilder("ogc_fid serial PRIMARY KEY, geom geometry(Geometry, 4490)");
            for (String field : fields) {
                columns.append(", ").append(quote(field)).append(' ')
                    .append(SQL_TYPES.getOrDefault(types.getOrDefault(field, "String"), "character varying"));
            }
            String names = fields.stream().map(f -> ", " + quote(f)).collect(Collectors.joining());
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                try (ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
                    pid.next();
                    backend.accept(pid.getInt(1));
                }
                statement.execute("CREATE TABLE " + qualified(job) + " (" + columns + ")");
                // Only the rows: the stream ends where the dump's end-of-data line starts.
                InputStream rows = new FilterInputStream(file) {

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = read[0] >= end ? -1 : super.read(buffer, offset, (int) Math.min(length, end - read[0]));
                        read[0] += Math.max(n, 0);
                        progress.accept((int) (100 * read[0] / size));
                        return n;
                    }
                };
                if (!header.isEmpty()) {
                    connection.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY " + qualified(job) + " (geom" + names + ") FROM STDIN", rows);
                }
                connection.commit();
            }
            catch (SQLException e) {
                connection.rollback();
                throw ImportRefused.unprocessable(e.getMessage().lines().findFirst().orElse(e.getMessage()));
            }
            finally {
                connection.setAutoCommit(true);
            }
        }
        catch (SQLException e) {
            throw new IOException("No database connection for the staging table: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the dump up to and including its COPY line and returns that line's column names (the
     * geometry first), counting the bytes read; none when GDAL wrote no rows and so no COPY.
     */
    static List<String> copyColumns(InputStream in, long[] read) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            read[0]++;
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.startsWith("COPY ")) {
                return quotedNames(text.substring(text.indexOf('(') + 1, text.lastIndexOf(") FROM STDIN")));
            }
        }
        return List.of();
    }

    /** The names of a list of quoted identifiers, {@code "a", "b""c"}. */
    private static List<String> quotedNames(String list) {
        List<String> names = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '"' && quoted && i + 1 < list.length() && list.charAt(i + 1) == '"') {
                name.append('"');
                i++;
            }
            else if (c == '"') {
                quoted = !quoted;
                if (!quoted) {
                    names.add(name.toString());
                    name.setLength(0);
                }
            }
            else if (quoted) {
                name.append(c);
            }
        }
        return names;
    }

    /** Where the rows of the dump end: the start of its last end-of-data line, found in the dump's tail. */
    private static long dataEnd(Path dump) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(dump)) {
            long size = channel.size();
            int tail = (int) Math.min(size, 1 << 16);
            ByteBuffer buffer = ByteBuffer.allocate(tail);
            channel.position(size - tail);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // reads the whole tail
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
            int marker = text.lastIndexOf("\n\\.\n");
            return marker < 0 ? size : size - tail + marker + 1;
        }
    }

    private static String driver(UploadedFiles.Upload upload) {
        return DRIVERS.get(upload.format());
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
