package cn.hetu.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ogrinfo -so} says about one layer of a file: its name, geometry type, feature
 * count, extent in the file's own coordinates, the CRS as WKT (null when the file has none), and
 * its fields. GDAL 3.6 has no JSON output for vector data, so its text is read.
 */
record SourceLayer(String name, String geometryType, long featureCount, double[] extent, String wkt, List<Field> fields) {

    record Field(String name, String type) {
    }

    private static final Pattern EXTENT = Pattern.compile(
            "Extent: \\(([-\\d.eE+]+), ([-\\d.eE+]+)\\) - \\(([-\\d.eE+]+), ([-\\d.eE+]+)\\)");

    /** A field line: its name, its type with any subtype ({@code Integer(Boolean)}), then its width. */
    private static final Pattern FIELD = Pattern.compile("^(.+): ((?:String|Integer|Integer64|Real|Date|DateTime|Time|Binary"
            + "|StringList|IntegerList|Integer64List|RealList)(?:\\((?:Boolean|Int16|Float32|JSON|UUID)\\))?)( \\(.*\\))?$");

    /** The layers in ogrinfo's output, in the order the file has them. */
    static List<SourceLayer> parse(String output) {
        List<SourceLayer> layers = new ArrayList<>();
        String[] blocks = output.split("(?m)^Layer name: ");
        for (int i = 1; i < blocks.length; i++) {
            layers.add(parseBlock(blocks[i]));
        }
        return layers;
    }

    private static SourceLayer parseBlock(String block) {
        String[] lines = block.split("\\R");
        String name = lines[0].strip();
        String geometry = "Unknown";
        long count = -1;
        double[] extent = null;
        StringBuilder wkt = null;
        boolean inWkt = false;
        List<Field> fields = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (inWkt) {
                if (line.startsWith("Data axis to CRS axis mapping") || FIELD.matcher(line).matches()
                        && !line.startsWith(" ")) {
                    inWkt = false;
                }
                else {
                    wkt.append(line).append('\n');
                    continue;
                }
            }
            Matcher field = FIELD.matcher(line);
            if (line.startsWith("Geometry: ")) {
                geometry = line.substring(10).strip();
            }
            else if (line.startsWith("Feature Count: ")) {
                count = Long.parseLong(line.substring(15).strip());
            }
            else if (line.startsWith("Extent: ")) {
                Matcher m = EXTENT.matcher(line);
                if (m.find()) {
                    extent = new double[] { Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                            Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)) };
                }
            }
            else if (line.startsWith("Layer SRS WKT:")) {
                inWkt = true;
                wkt = new StringBuilder();
            }
            else if (line.startsWith("Data axis to CRS axis mapping") || line.startsWith("FID Column")
                    || line.startsWith("Geometry Column")) {
                continue;
            }
            else if (field.matches() && !line.startsWith(" ")) {
                fields.add(new Field(field.group(1), field.group(2)));
            }
        }
        String srs = wkt == null || wkt.toString().strip().equals("(unknown)") ? null : wkt.toString().strip();
        return new SourceLayer(name, geometry, count, extent, srs, fields);
    }

}
