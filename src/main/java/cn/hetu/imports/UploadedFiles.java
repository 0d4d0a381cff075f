package cn.hetu.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Takes an upload into a private temporary directory. A zip (and a KMZ, a zip around a KML) is
 * unpacked by hand: entry names that climb out of the directory or are absolute refuse the whole
 * upload, only the files GDAL needs are extracted, and the bytes actually inflated are counted, so
 * a zip bomb stops early. A zip inside a zip is never opened. What GDAL finally sees is the data set
 * and its Shapefile parts under names Hetu chose ({@code upload.shp}, ...), alone in their directory,
 * and checked by {@link UploadContent} to be what their names say.
 */
@Component
class UploadedFiles {

    /**
     * The data set found in an upload, the directory that holds it, and its name as the user sent
     * it ({@code 'roads.zip' → 'roads/roads.shp'}), for messages.
     */
    record Upload(Path dir, Path dataset, String format, String label) {
    }

    private static final List<String> DATASETS = List.of("shp", "gpkg", "geojson", "json", "kml", "kmz", "csv");

    /** What a zip may hold: a data set in a format of its own, never another zip (a KMZ is one). */
    private static final List<String> ZIPPED = DATASETS.stream().filter(d -> !d.equals("kmz")).toList();

    private static final Set<String> SHAPEFILE_PARTS = Set.of("shx", "dbf", "prj", "cpg");

    private static final int MAX_ENTRIES = 1000;

    /** Beyond a megabyte, no real GIS file compresses this well; a bomb does. */
    private static final long MAX_RATIO = 200;

    private final long maxUnzippedBytes;

    UploadedFiles(@Value("${hetu.imports.max-unzipped-bytes:2147483648}") long maxUnzippedBytes) {
        this.maxUnzippedBytes = maxUnzippedBytes;
    }

    Upload receive(MultipartFile file) throws IOException {
        String name = baseName(file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
        String extension = extension(name);
        if (!extension.equals("zip") && !DATASETS.contains(extension)) {
            throw ImportRefused.unprocessable("'" + name + "' is not a file Hetu imports: send a zipped Shapefile, "
                    + "a GeoPackage, GeoJSON, KML/KMZ or CSV");
        }
        Path dir = Files.createTempDirectory("hetu-import-");
        try {
            Upload upload;
            if (extension.equals("zip") || extension.equals("kmz")) {
                Path zip = dir.resolve("upload.zip");
                file.transferTo(zip);
                Map<Path, String> entries = unzip(zip, dir.resolve("data"), extension.equals("kmz") ? List.of("kml") : ZIPPED);
                Files.delete(zip);
                upload = find(dir, entries, name);
            }
            else {
                Files.createDirectories(dir.resolve("data"));
                Path dataset = dir.resolve("data").resolve("upload." + extension);
                file.transferTo(dataset);
                upload = new Upload(dir, dataset, extension.equals("json") ? "geojson" : extension, "'" + name + "'");
            }
            upload = settle(upload);
            UploadContent.check(upload);
            return upload;
        }
        catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            // a leftover temporary file is not worth failing an import for
        }
    }

    /** Unpacks the entries GDAL may need; returns each file written with the entry's name. */
    private Map<Path, String> unzip(Path zip, Path target, List<String> datasets) throws IOException {
        Files.createDirectories(target);
        Map<Path, String> written = new LinkedHashMap<>();
        long total = 0;
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            if (archive.size() > MAX_ENTRIES) {
                throw ImportRefused.unprocessable("The zip has " + archive.size() + " entries; at most " + MAX_ENTRIES
                        + " are accepted");
            }
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String path = entry.getName().replace('\\', '/');
                if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || List.of(path.split("/")).contains("..")) {
                    throw ImportRefused.unprocessable("The zip entry '" + entry.getName()
                            + "' points outside the archive; the upload was refused");
                }
                if (path.chars().anyMatch(c -> c < 0x20 || c == ':')) {
                    throw ImportRefused.unprocessable("The zip entry '" + entry.getName().replaceAll("\\p{Cntrl}", "?")
                            + "' has control characters or ':' in its name; the upload was refused");
                }
                String fileName = baseName(path);
                String extension = extension(fileName);
                if (entry.isDirectory() || fileName.startsWith(".")
                        || !(datasets.contains(extension) || SHAPEFILE_PARTS.contains(extension))) {
                    continue;
                }
                Path out = target.resolve(fileName);
                if (Files.exists(out)) {
                    throw ImportRefused.unprocessable("The zip holds '" + fileName + "' twice; send one data set");
                }
                total = copy(archive, entry, out, total);
                written.put(out, entry.getName());
            }
        }
        catch (ZipException e) {
            throw ImportRefused.unprocessable("The upload is not a readable zip: " + e.getMessage());
        }
        return written;
    }

    /** Copies one entry, counting what is inflated; returns the running total. */
    private long copy(ZipFile archive, ZipEntry entry, Path out, long total) throws IOException {
        long compressed = Math.max(entry.getCompressedSize(), 1);
        long written = 0;
        byte[] buffer = new byte[65536];
        try (InputStream in = archive.getInputStream(entry); OutputStream os = Files.newOutputStream(out)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                written += n;
                if (total + written > maxUnzippedBytes) {
                    throw new ImportRefused(HttpStatus.CONTENT_TOO_LARGE, "The zip unpacks to more than "
                            + maxUnzippedBytes / (1024 * 1024) + " MB; the upload was refused");
                }
                if (written > 1_048_576 && written / compressed > MAX_RATIO) {
                    throw new ImportRefused(HttpStatus.CONTENT_TOO_LARGE, "The zip entry '" + entry.getName()
                            + "' unpacks more than " + MAX_RATIO + " times its size, as a zip bomb does; the upload was refused");
                }
                os.write(buffer, 0, n);
            }
        }
        return total + written;
    }

    private static Upload find(Path dir, Map<Path, String> entries, String zipName) throws IOException {
        Path data = dir.resolve("data");
        List<Path> files;
        try (Stream<Path> list = Files.list(data)) {
            files = list.sorted().toList();
        }
        List<Path> docKml = files.stream().filter(f -> f.getFileName().toString().equalsIgnoreCase("doc.kml")).toList();
        if (extension(zipName).equals("kmz") && !docKml.isEmpty()) {
            // A KMZ's own document is doc.kml; other KML files in it are what that document links to.
            return new Upload(dir, docKml.get(0), "kml", "'" + zipName + "' → '" + entries.get(docKml.get(0)) + "'");
        }
        for (String format : DATASETS) {
            List<Path> found = files.stream().filter(f -> extension(f.getFileName().toString()).equals(format)).toList();
            if (found.size() > 1 && !format.equals("json")) {
                throw ImportRefused.unprocessable("The zip holds several " + format + " files ("
                        + found.stream().map(f -> f.getFileName().toString()).toList() + "); send one data set at a time");
            }
            if (!found.isEmpty()) {
                Path dataset = found.get(0);
                if (format.equals("shp")) {
                    checkShapefile(dataset, files);
                }
                return new Upload(dir, dataset, format.equals("json") ? "geojson" : format,
                        "'" + zipName + "' → '" + entries.get(dataset) + "'");
            }
        }
        throw ImportRefused.unprocessable("The zip holds no Shapefile (.shp with .shx and .dbf), GeoPackage, GeoJSON, "
                + "KML or CSV");
    }

    /**
     * Gives the data set and its Shapefile parts names Hetu chose and removes every other file, so
     * that GDAL sees nothing a user named and nothing beside the data set.
     */
    private static Upload settle(Upload upload) throws IOException {
        Path data = upload.dataset().getParent();
        List<Path> files;
        try (Stream<Path> list = Files.list(data)) {
            files = list.toList();
        }
        Path dataset = data.resolve("upload." + upload.format());
        Map<Path, Path> renamed = new LinkedHashMap<>();
        renamed.put(upload.dataset(), dataset);
        if (upload.format().equals("shp")) {
            for (String part : SHAPEFILE_PARTS) {
                Path sidecar = sidecar(files, stem(upload.dataset().getFileName().toString()), part);
                if (sidecar != null) {
                    renamed.put(sidecar, data.resolve("upload." + part));
                }
            }
        }
        Path staged = Files.createDirectory(upload.dir().resolve("staged"));
        for (Map.Entry<Path, Path> move : renamed.entrySet()) {
            Files.move(move.getKey(), staged.resolve(move.getValue().getFileName()));
        }
        try (Stream<Path> rest = Files.list(data)) {
            for (Path other : rest.toList()) {
                Files.delete(other);
            }
        }
        Files.delete(data);
        Files.move(staged, data);
        return new Upload(upload.dir(), dataset, upload.format(), upload.label());
    }

    private static void checkShapefile(Path shp, List<Path> files) {
        String stem = stem(shp.getFileName().toString());
        List<String> missing = new ArrayList<>();
        for (String part : List.of("shx", "dbf")) {
            if (sidecar(files, stem, part) == null) {
                missing.add(stem + "." + part);
            }
        }
        if (!missing.isEmpty()) {
            throw ImportRefused.unprocessable("The Shapefile " + shp.getFileName() + " lacks " + String.join(" and ", missing));
        }
    }

    /** The Shapefile part with this extension, whatever the case of its name. */
    static Path sidecar(List<Path> files, String stem, String extension) {
        return files.stream()
            .filter(f -> f.getFileName().toString().equalsIgnoreCase(stem + "." + extension))
            .findFirst()
            .orElse(null);
    }

    static Path sidecar(Path dataset, String extension) throws IOException {
        try (Stream<Path> list = Files.list(dataset.getParent())) {
            return sidecar(list.toList(), stem(dataset.getFileName().toString()), extension);
        }
    }

    private static String baseName(String path) {
        String normal = path.replace('\\', '/');
        return normal.substring(normal.lastIndexOf('/') + 1);
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

}
