package cn.hetu.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import cn.hetu.system.InvalidParameterException;

/**
 * The text encoding of a Shapefile's attributes or a CSV: the user's choice, the .cpg, or
 * detected. County surveyors' files are GBK unless they say otherwise; bytes that decode as
 * UTF-8 without error are UTF-8 (GBK text practically never does).
 *
 * @param gdalName what GDAL's SHAPE_ENCODING understands
 * @param origin "chosen", "cpg" or "detected"
 */
record SourceEncoding(String name, String gdalName, String origin) {

    private static final Map<String, String> GDAL_NAMES = Map.of("UTF-8", "UTF-8", "GBK", "CP936", "GB18030", "GB18030");

    private static final int SAMPLE_BYTES = 32 * 1024 * 1024;

    static SourceEncoding chosen(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT).replace("UTF8", "UTF-8");
        String gdal = GDAL_NAMES.get(upper);
        if (gdal == null) {
            throw new InvalidParameterException("encoding", "encoding is UTF-8, GBK or GB18030, not '" + name + "'");
        }
        return new SourceEncoding(upper, gdal, "chosen");
    }

    /** What a .cpg file names, in the forms ArcGIS and GDAL write (UTF-8, 65001, CP936, 936, GBK). */
    static SourceEncoding fromCpg(Path cpg) throws IOException {
        String text = Files.readString(cpg, StandardCharsets.US_ASCII).strip().toUpperCase(Locale.ROOT);
        String name = switch (text) {
            case "UTF-8", "UTF8", "65001" -> "UTF-8";
            case "CP936", "936", "GBK", "GB2312" -> "GBK";
            case "GB18030", "54936" -> "GB18030";
            default -> text;
        };
        return new SourceEncoding(name, GDAL_NAMES.getOrDefault(name, text), "cpg");
    }

    static SourceEncoding detect(Path file) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE_BYTES);
        }
        String name = isUtf8(sample) ? "UTF-8" : "GBK";
        return new SourceEncoding(name, GDAL_NAMES.get(name), "detected");
    }

    Charset charset() {
        return Charset.forName(name.equals("GBK") ? "GBK" : name);
    }

    private static boolean isUtf8(byte[] bytes) {
        int end = bytes.length;
        // A sample cut off inside a character is not evidence against UTF-8.
        while (end > 0 && end > bytes.length - 4 && (bytes[end - 1] & 0xC0) == 0x80) {
            end--;
        }
        if (end > 0 && (bytes[end - 1] & 0xC0) == 0xC0) {
            end--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        }
        catch (CharacterCodingException e) {
            return false;
        }
    }

}
