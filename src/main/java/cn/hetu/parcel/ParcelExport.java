package cn.hetu.parcel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

import cn.hetu.system.InvalidParameterException;

/**
 * Writes a search result in the formats GIS staff exchange, converted by GDAL's ogr2ogr from the
 * GeoJSON that PostGIS writes: Shapefile (zipped, UTF-8 with a .cpg), GeoPackage, KML, CSV with
 * WKT geometries and XLSX, in WGS84 or CGCS2000. GeoJSON itself streams without GDAL.
 */
@Component
class ParcelExport {

    /** A format: GDAL driver, file extension, media type, and driver options. */
    record Format(String driver, String extension, String mediaType, List<String> options) {
    }

    static final Map<String, Format> FORMATS = Map.of(
            "geojson", new Format(null, "geojson", "application/geo+json", List.of()),
            "shp", new Format("ESRI Shapefile", "shp", "application/zip", List.of("-lco", "ENCODING=UTF-8")),
            "gpkg", new Format("GPKG", "gpkg", "application/geopackage+sqlite3", List.of()),
            "kml", new Format("KML", "kml", "application/vnd.google-earth.kml+xml", List.of()),
            "csv", new Format("CSV", "csv", "text/csv;charset=UTF-8",
                    List.of("-lco", "GEOMETRY=AS_WKT", "-lco", "WRITE_BOM=YES")),
            "xlsx", new Format("XLSX", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    List.of()));

    /** Output CRS: the coordinates are the same, CGCS2000 and WGS84 differ by centimetres here. */
    static final Map<String, String> CRS = Map.of("4326", "EPSG:4326", "4490", "EPSG:4490");

    private final ParcelQueries queries;

    ParcelExport(ParcelQueries queries) {
        this.queries = queries;
    }

    static Format format(String name) {
        Format format = FORMATS.get(name);
        if (format == null) {
            throw new InvalidParameterException("format", "format is one of " + FORMATS.keySet() + ", not '" + name + "'");
        }
        return format;
    }

    static String crs(String code) {
        String crs = CRS.get(code);
        if (crs == null) {
            throw new InvalidParameterException("crs", "crs is 4326 (WGS84) or 4490 (CGCS2000), not '" + code + "'");
        }
        return crs;
    }

    /** The file name the download gets, with the extension the user expects (a Shapefile comes zipped). */
    static String fileName(Format format) {
        return "parcels." + (format.extension().equals("shp") ? "zip" : format.extension());
    }

    void write(ParcelConditions.Sql sql, Format format, String crs, OutputStream out) throws IOException {
        if (format.driver() == null) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536);
            queries.writeAll(sql, writer);
            writer.flush();
            return;
        }
        Path dir = Files.createTempDirectory("hetu-export");
        try {
            Path source = dir.resolve("source.geojson");
            try (Writer writer = Files.newBufferedWriter(source, StandardCharsets.UTF_8)) {
                queries.writeAll(sql, writer);
            }
            Path target = dir.resolve("out").resolve("parcels." + format.extension());
            Files.createDirectories(target.getParent());
            List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", format.driver(), "-a_srs", crs, "-nln", "parcels"));
            command.addAll(format.options());
            command.addAll(List.of(target.toString(), source.toString()));
            run(command);
            if (format.extension().equals("shp")) {
                zip(target.getParent(), out);
            }
            else {
                Files.copy(target, out);
            }
        }
        finally {
            deleteAll(dir);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException("ogr2ogr failed: " + output);
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Export interrupted", e);
        }
    }

    private static void zip(Path dir, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        zip.finish();
    }

    private static void deleteAll(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
