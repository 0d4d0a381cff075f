package cn.hetu.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that an uploaded data set is what its name says, by its content, before GDAL sees it:
 * GeoJSON parses as JSON and is a FeatureCollection or Feature whose CRS is a name, never a link;
 * a GeoPackage is an SQLite file marked as GeoPackage; a Shapefile's parts carry their magic
 * numbers, its .prj is WKT and its .cpg names an encoding; a KML is XML without a DTD, with a
 * {@code kml} root and no network links; a CSV is text. GDAL then opens it with that format's
 * driver alone (see {@link Staging}), so a file can never be read as a VRT, a database connection
 * or a web address, whatever it holds.
 */
final class UploadContent {

    /** Reads one crs member at a time out of a file still being parsed: what follows it is not trailing. */
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** A CRS GDAL resolves from its own database: an OGC URN or an EPSG code, never a file name or an address. */
    private static final Pattern CRS_NAME = Pattern.compile("(?i)(urn:ogc:def:crs:[a-z0-9.]+:[0-9.]*:[a-z0-9]+|EPSG:\\d+)");

    private static final Pattern WKT = Pattern.compile("(?s)\\s*[A-Z][A-Z0-9_]*\\[.*\\]\\s*");

    private static final Pattern CODE_PAGE = Pattern.compile("\\s*[A-Za-z0-9_.-]{1,40}\\s*");

    private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** The application ids GeoPackage 1.0, 1.1 and 1.2+ write at offset 68. */
    private static final Set<String> GEOPACKAGE_IDS = Set.of("GP10", "GP11", "GPKG");

    private static final int SHAPEFILE_MAGIC = 9994;

    private static final int SIDECAR_BYTES = 64 * 1024;

    private UploadContent() {
    }

    static void check(UploadedFiles.Upload upload) throws IOException {
        Path file = upload.dataset();
        switch (upload.format()) {
            case "geojson" -> geoJson(upload);
            case "gpkg" -> geoPackage(upload);
            case "shp" -> shapefile(upload);
            case "kml" -> kml(upload);
            case "csv" -> csv(upload);
            default -> throw new IllegalStateException("No content check for " + upload.format() + " " + file);
        }
    }

    private static void geoJson(UploadedFiles.Upload upload) throws IOException {
        try (JsonParser parser = JSON.createParser(upload.dataset().toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw refused(upload, "GeoJSON", "it is not a JSON object");
            }
            String type = null;
            int depth = 1;
            while (depth > 0) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw refused(upload, "GeoJSON", "it ends in the middle of its JSON");
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                }
                else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                }
                else if (token == JsonToken.PROPERTY_NAME && parser.currentName().equals("properties")) {
                    // A feature's attributes are data: GDAL reads no member of theirs as GeoJSON.
                    parser.nextToken();
                    parser.skipChildren();
                }
                else if (token == JsonToken.PROPERTY_NAME && parser.currentName().equals("crs")) {
                    // GDAL honours a crs on the collection, a feature or a geometry alike.
                    parser.nextToken();
                    crs(upload, JSON.readTree(parser));
                }
                else if (token == JsonToken.PROPERTY_NAME && depth == 1 && parser.currentName().equals("type")) {
                    parser.nextToken();
                    type = parser.getValueAsString();
                }
            }
            if (parser.nextToken() != null) {
                throw refused(upload, "GeoJSON", "more follows its JSON object");
            }
            if (!"FeatureCollection".equals(type) && !"Feature".equals(type)) {
                throw refused(upload, "GeoJSON", "its type is " + (type == null ? "missing" : "'" + type + "'")
                        + ", not FeatureCollection or Feature");
            }
        }
        catch (JacksonException e) {
            throw refused(upload, "GeoJSON", "it does not parse as JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** A named CRS is looked up in GDAL's database; a linked one would be fetched from wherever it points. */
    private static void crs(UploadedFiles.Upload upload, JsonNode crs) {
        String name = crs.at("/properties/name").asString("");
        if (!crs.path("type").asString("").equals("name") || !CRS_NAME.matcher(name).matches()) {
            throw refused(upload, "GeoJSON", "its \"crs\" must name a CRS such as urn:ogc:def:crs:EPSG::4490; "
                    + "links, files and other references are not followed");
        }
    }

    private static void geoPackage(UploadedFiles.Upload upload) throws IOException {
        byte[] header = head(upload.dataset(), 100);
        if (header.length < 100 || !Arrays.equals(header, 0, SQLITE.length, SQLITE, 0, SQLITE.length)) {
            throw refused(upload, "GeoPackage", "it is not an SQLite database");
        }
        String applicationId = new String(header, 68, 4, StandardCharsets.US_ASCII);
        if (!GEOPACKAGE_IDS.contains(applicationId)) {
            throw refused(upload, "GeoPackage", "it is an SQLite database not marked as a GeoPackage (application id)");
        }
    }

    private static void shapefile(UploadedFiles.Upload upload) throws IOException {
        for (String part : List.of("shp", "shx")) {
            Path file = upload.dataset().resolveSibling("upload." + part);
            byte[] header = head(file, 100);
            if (header.length < 100 || ByteBuffer.wrap(header).getInt() != SHAPEFILE_MAGIC) {
                throw refused(upload, "Shapefile", "its ." + part + " does not start with the Shapefile file code");
            }
        }
        byte[] dbf = head(upload.dataset().resolveSibling("upload.dbf"), 32);
        int version = dbf.length < 32 ? -1 : dbf[0] & 0xFF;
        if (!Set.of(3, 4, 5).contains(version & 0x07) && !(version >= 0x30 && version <= 0x32)) {
            throw refused(upload, "Shapefile", "its .dbf is not a dBASE table");
        }
        Path prj = upload.dataset().resolveSibling("upload.prj");
        if (Files.exists(prj) && !WKT.matcher(text(prj, upload, ".prj")).matches()) {
            throw refused(upload, "Shapefile", "its .prj is not a CRS in WKT");
        }
        Path cpg = upload.dataset().resolveSibling("upload.cpg");
        if (Files.exists(cpg) && !CODE_PAGE.matcher(text(cpg, upload, ".cpg")).matches()) {
            throw refused(upload, "Shapefile", "its .cpg does not name an encoding");
        }
    }

    /** Parsed as XML without a DTD (so no entity is expanded or fetched); GDAL's KML driver reads the rest. */
    private static void kml(UploadedFiles.Upload upload) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(upload.dataset())) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            boolean root = true;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw refused(upload, "KML", "it declares a DTD");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (root && !name.equals("kml")) {
                        throw refused(upload, "KML", "its root element is <" + name + ">, not <kml>");
                    }
                    if (name.equals("NetworkLink")) {
                        throw refused(upload, "KML", "it holds a NetworkLink; Hetu imports the features in the file "
                                + "and follows no links");
                    }
                    root = false;
                }
            }
            if (root) {
                throw refused(upload, "KML", "it has no <kml> element");
            }
            xml.close();
        }
        catch (XMLStreamException e) {
            throw refused(upload, "KML", "it is not well-formed XML (" + e.getMessage().lines().reduce((a, b) -> b).orElse("")
                    + ")");
        }
    }

    private static void csv(UploadedFiles.Upload upload) throws IOException {
        byte[] sample = head(upload.dataset(), 1024 * 1024);
        for (byte b : sample) {
            if (b == 0) {
                throw refused(upload, "CSV", "it holds NUL bytes, as binary files do, not text");
            }
        }
    }

    /** A small text sidecar, read whole; bigger or not UTF-8 is not what the format puts there. */
    private static String text(Path file, UploadedFiles.Upload upload, String part) throws IOException {
        if (Files.size(file) > SIDECAR_BYTES) {
            throw refused(upload, "Shapefile", "its " + part + " is larger than such a file ever is");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
        }
        catch (CharacterCodingException e) {
            throw refused(upload, "Shapefile", "its " + part + " is not text");
        }
    }

    private static byte[] head(Path file, int bytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(bytes);
        }
    }

    private static ImportRefused refused(UploadedFiles.Upload upload, String format, String reason) {
        return ImportRefused.unprocessable(upload.label() + " is not " + (format.equals("GeoJSON") ? "" : "a ") + format
                + ": " + reason + "; the upload was refused");
    }

}
