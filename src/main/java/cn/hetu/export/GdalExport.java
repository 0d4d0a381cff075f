package cn.hetu.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

import cn.hetu.system.InvalidParameterException;

/**
 * Writes features in the formats GIS staff exchange, converted by GDAL's ogr2ogr from CSV with WKT
 * geometries (EPSG:4490, longitude first) streamed to its standard input: Shapefile (zipped, with a .cpg naming UTF-8
 * or GBK), GeoPackage, KML, CSV with WKT geometries and XLSX, in any CRS Hetu offers. GeoJSON
 * in CGCS2000 or WGS84 streams straight through without GDAL or a temporary file.
 */
@Component
public class GdalExport {

    /** A format: GDAL driver, file extension, media type, and driver options. */
    public record Format(String name, String driver, String extension, String mediaType, List<String> options) {

        /** The download keeps the extension users expect; a Shapefile comes zipped. */
        public String fileName(String base) {
            return base + "." + (extension.equals("shp") ? "zip" : extension);
        }

    }

    /**
     * What to write: format, output CRS as EPSG code, Shapefile encoding, layer name inside the file, the
     * OGR SQL that gives the columns their types (null: every column text) and the geometry type as the
     * catalogue names it (null: as the first feature has it).
     */
    public record Options(Format format, int epsg, String encoding, String layerName, String select, String geometryType) {

        public Options(Format format, int epsg, String encoding, String layerName) {
            this(format, epsg, encoding, layerName, null, null);
        }

        public Options withSource(String sql, String type) {
            return new Options(format, epsg, encoding, layerName, sql, type);
        }

    }

    /**
     * The features to write, geometries in EPSG:4490: as one GeoJSON FeatureCollection, or for GDAL as CSV
     * with a header, the geometry as WKT in the first column named {@value #GEOMETRY_COLUMN}, read as table
     * {@value #SOURCE_LAYER} by the select of the {@link Options}.
     */
    public interface Source {

        void writeGeoJson(Writer writer) throws IOException;

        void writeCsv(Writer writer) throws IOException;

    }

    public static final String GEOMETRY_COLUMN = "WKT";

    /** The name GDAL gives the CSV it reads from standard input. */
    public static final String SOURCE_LAYER = "layer";

    public static final Map<String, Format> FORMATS = Map.of(
            "geojson", new Format("geojson", "GeoJSON", "geojson", "application/geo+json", List.of()),
            "shp", new Format("shp", "ESRI Shapefile", "shp", "application/zip", List.of()),
            // One transaction and no fsync: the file is thrown away if GDAL fails, so SQLite's safety buys nothing here.
            "gpkg", new Format("gpkg", "GPKG", "gpkg", "application/geopackage+sqlite3",
                    List.of("-gt", "unlimited", "--config", "OGR_SQLITE_SYNCHRONOUS", "OFF")),
            "kml", new Format("kml", "KML", "kml", "application/vnd.google-earth.kml+xml", List.of()),
            "csv", new Format("csv", "CSV", "csv", "text/csv;charset=UTF-8",
                    List.of("-lco", "GEOMETRY=AS_WKT", "-lco", "WRITE_BOM=YES")),
            "xlsx", new Format("xlsx", "XLSX", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    List.of()));

    /** Shapefile encodings offered, by the names users know and GDAL's names for them. */
    public static final Map<String, String> ENCODINGS = Map.of("UTF-8", "UTF-8", "GBK", "CP936");

    /** How long ogr2ogr may take for one export. */
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    public static Format format(String name) {
        Format format = FORMATS.get(name == null ? "geojson" : name.toLowerCase());
        if (format == null) {
            throw new InvalidParameterException("format", "format is one of " + FORMATS.keySet().stream().sorted().toList()
                    + ", not '" + name + "'");
        }
        return format;
    }

    /**
     * An output CRS: CGCS2000 (4490), WGS84 (4326), Web Mercator (3857) or a CGCS2000 3-degree
     * Gauss-Krüger zone with (4513-4533) or without (4534-4554) the zone number in X.
     */
    public static int epsg(String text) {
        String code = text == null ? "4490" : text.trim().replaceFirst("(?i)^EPSG:", "");
        if (code.matches("\\d{4}")) {
            int epsg = Integer.parseInt(code);
            if (epsg == 4490 || epsg == 4326 || epsg == 3857 || (epsg >= 4513 && epsg <= 4554)) {
                return epsg;
            }
        }
        throw new InvalidParameterException("crs", "crs is EPSG:4490, EPSG:4326, EPSG:3857 or a CGCS2000 3-degree zone "
                + "EPSG:4513 to EPSG:4554, not '" + text + "'");
    }

    public static String encoding(String name) {
        String encoding = ENCODINGS.get(name == null ? "UTF-8" : name.toUpperCase());
        if (encoding == null) {
            throw new InvalidParameterException("encoding", "encoding is UTF-8 or GBK, not '" + name + "'");
        }
        return encoding;
    }

    public void write(Source source, Options options, OutputStream out) throws IOException {
        Format format = options.format();
        if (format.name().equals("geojson") && (options.epsg() == 4490 || options.epsg() == 4326)) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536);
            source.writeGeoJson(writer);
            writer.flush();
            return;
        }
        Path dir = Files.createTempDirectory("hetu-export");
        try {
            Path target = dir.resolve("out").resolve(options.layerName() + "." + format.extension());
            Files.createDirectories(target.getParent());
            // KML is WGS84 by definition.
            int epsg = format.name().equals("kml") ? 4326 : options.epsg();
            List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", format.driver(), "-s_srs", "EPSG:4490",
                    "-t_srs", "EPSG:" + epsg, "-nln", options.layerName()));
            command.addAll(format.options());
            if (options.select() != null) {
                command.addAll(List.of("-sql", options.select()));
            }
            if (options.geometryType() != null) {
                command.addAll(List.of("-nlt", options.geometryType().toUpperCase(Locale.ROOT)));
            }
            if (format.name().equals("shp")) {
                command.addAll(List.of("-lco", "ENCODING=" + options.encoding()));
            }
            // Every value a string as written (the select types them), an empty one null, the WKT column the geometry.
            command.addAll(List.of("-oo", "AUTODETECT_TYPE=NO", "-oo", "EMPTY_STRING_AS_NULL=YES", "-oo", "KEEP_GEOM_COLUMNS=NO"));
            // GDAL reads only the CSV written to its standard input as it comes: no source file, no second pass.
            command.addAll(List.of(target.toString(), "CSV:/vsistdin/"));
            new GdalCommand(command, Set.of("CSV", format.driver()), TIMEOUT).runOrFail(stdin -> {
                Writer writer = new BufferedWriter(new OutputStreamWriter(stdin, StandardCharsets.UTF_8), 65536);
                source.writeCsv(writer);
                writer.flush();
            });
            if (format.name().equals("shp")) {
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

    private static void zip(Path dir, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        // The fastest level: a .dbf is mostly padding, which it packs nearly as well as the default.
        zip.setLevel(Deflater.BEST_SPEED);
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
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
