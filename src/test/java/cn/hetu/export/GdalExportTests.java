package cn.hetu.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The GIS formats come from CSV streamed to ogr2ogr: no copy of the features on disk, every value as written. */
class GdalExportTests {

    private static final String SELECT = "SELECT name, CAST(count AS bigint) AS count, CAST(day AS date) AS day, "
            + "CAST(open AS boolean) AS open FROM \"" + GdalExport.SOURCE_LAYER + "\"";

    /** Two features as CSV; while they are written, what the temporary folders of exports hold. */
    private static final class Features implements GdalExport.Source {

        final List<Path> filesWhileWriting = new ArrayList<>();

        @Override
        public void writeGeoJson(Writer writer) {
            throw new AssertionError("a GIS format reads the CSV");
        }

        @Override
        public void writeCsv(Writer writer) throws IOException {
            writer.write(GdalExport.GEOMETRY_COLUMN + ",name,count,day,open\n");
            writer.write("\"POINT (116.1 33.2)\",\"闸, \"\"东\"\"\n二号\",12,2024-05-06,1\n");
            writer.flush();
            filesWhileWriting.addAll(exportFiles());
            writer.write(",,,,0\n");
        }

    }

    @Test
    void aGeoPackageIsWrittenFromTheStreamWithItsTypesAndNoSourceFile(@TempDir Path dir) throws Exception {
        Features features = new Features();
        Path file = dir.resolve("sluice.gpkg");
        GdalExport.Options options = new GdalExport.Options(GdalExport.format("gpkg"), 4490, "UTF-8", "sluice")
            .withSource(SELECT, "Point");
        try (OutputStream out = Files.newOutputStream(file)) {
            new GdalExport().write(features, options, out);
        }
        assertThat(features.filesWhileWriting).as("nothing but GDAL's output is on disk while the features stream")
            .allMatch(path -> path.getParent().getFileName().toString().equals("out"));
        String schema = ExportTests.run("ogrinfo", "-ro", "-al", "-so", file.toString());
        assertThat(schema).contains("Geometry: Point", "Feature Count: 2", "name: String", "count: Integer64", "day: Date",
                "open: Integer(Boolean)");
        String rows = ExportTests.run("ogrinfo", "-ro", "-al", "-q", file.toString());
        assertThat(rows).contains("name (String) = 闸, \"东\"\n二号", "count (Integer64) = 12", "day (Date) = 2024/05/06",
                "open (Integer(Boolean)) = 1", "POINT (116.1 33.2)", "name (String) = (null)", "open (Integer(Boolean)) = 0");
    }

    private static List<Path> exportFiles() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> files = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(tmp)) {
            for (Path export : dirs.filter(p -> p.getFileName().toString().startsWith("hetu-export")).toList()) {
                try (Stream<Path> inside = Files.walk(export)) {
                    inside.filter(Files::isRegularFile).forEach(files::add);
                }
            }
        }
        return files;
    }

}
