package cn.hetu.river;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * What a photo's EXIF says about where and when it was taken, and how it is turned. The TIFF block
 * is found in the file's container (a JPEG APP1 segment, a PNG eXIf chunk, a WebP EXIF chunk) and
 * read with TwelveMonkeys' TIFF reader. A camera writes its local time without a zone unless it adds
 * OffsetTimeOriginal; without one the time is taken as county time.
 *
 * @param orientation EXIF orientation 1-8 (1 when absent)
 */
record Exif(Instant takenAt, Double lon, Double lat, int orientation) {

    static final Exif NONE = new Exif(null, null, null, 1);

    private static final int TAG_ORIENTATION = 0x0112;

    private static final int TAG_EXIF_IFD = 0x8769;

    private static final int TAG_GPS_IFD = 0x8825;

    private static final int TAG_DATE_TIME_ORIGINAL = 0x9003;

    private static final int TAG_OFFSET_TIME_ORIGINAL = 0x9011;

    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    /** The EXIF of a file of this (already sniffed) type; {@link #NONE} when it has none or it cannot be read. */
    static Exif of(String contentType, byte[] file, ZoneId county) {
        byte[] tiff = switch (contentType) {
            case PhotoImage.JPEG -> jpegExif(file);
            case PhotoImage.PNG -> pngExif(file);
            default -> webpExif(file);
        };
        if (tiff == null) {
            return NONE;
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(tiff))) {
            Directory directory = new TIFFReader().read(in);
            Directory ifd0 = directory instanceof CompoundDirectory compound ? compound.getDirectory(0) : directory;
            Directory exif = subDirectory(ifd0, TAG_EXIF_IFD);
            Directory gps = subDirectory(ifd0, TAG_GPS_IFD);
            Number orientation = number(ifd0, TAG_ORIENTATION);
            int turn = orientation == null || orientation.intValue() < 1 || orientation.intValue() > 8 ? 1
                    : orientation.intValue();
            double[] position = gps == null ? null : position(gps);
            return new Exif(exif == null ? null : takenAt(exif, county), position == null ? null : position[0],
                    position == null ? null : position[1], turn);
        }
        catch (IOException | RuntimeException e) {
            // A photo with broken metadata is still a photo; it only proves nothing.
            return NONE;
        }
    }

    private static Instant takenAt(Directory exif, ZoneId county) {
        String text = text(exif, TAG_DATE_TIME_ORIGINAL);
        if (text == null) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text.trim(), EXIF_TIME);
            String offset = text(exif, TAG_OFFSET_TIME_ORIGINAL);
            return offset == null ? local.atZone(county).toInstant() : local.atOffset(ZoneOffset.of(offset.trim())).toInstant();
        }
        catch (DateTimeException e) {
            return null;
        }
    }

    /** Longitude and latitude in degrees, or null when the GPS block lacks them. */
    private static double[] position(Directory gps) {
        String latRef = text(gps, 1);
        String lonRef = text(gps, 3);
        Double lat = degrees(gps.getEntryById(2));
        Double lon = degrees(gps.getEntryById(4));
        if (lat == null || lon == null || latRef == null || lonRef == null) {
            return null;
        }
        double signedLat = latRef.trim().startsWith("S") ? -lat : lat;
        double signedLon = lonRef.trim().startsWith("W") ? -lon : lon;
        if (Math.abs(signedLat) > 90 || Math.abs(signedLon) > 180 || (signedLat == 0 && signedLon == 0)) {
            return null;
        }
        return new double[] { signedLon, signedLat };
    }

    /** Degrees, minutes and seconds as three rationals. */
    private static Double degrees(Entry entry) {
        if (entry == null || !(entry.getValue() instanceof Number[] parts) || parts.length != 3) {
            return null;
        }
        return parts[0].doubleValue() + parts[1].doubleValue() / 60 + parts[2].doubleValue() / 3600;
    }

    private static Directory subDirectory(Directory directory, int tag) {
        Entry entry = directory.getEntryById(tag);
        return entry != null && entry.getValue() instanceof Directory sub ? sub : null;
    }

    private static Number number(Directory directory, int tag) {
        Entry entry = directory.getEntryById(tag);
        return entry != null && entry.getValue() instanceof Number n ? n : null;
    }

    private static String text(Directory directory, int tag) {
        Entry entry = directory.getEntryById(tag);
        return entry == null ? null : entry.getValueAsString();
    }

    /** The APP1 "Exif\0\0" segment before the image data. */
    private static byte[] jpegExif(byte[] file) {
        int at = 2;
        while (at + 4 <= file.length && (file[at] & 0xFF) == 0xFF) {
            int marker = file[at + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                return null; // start of scan or end of image: no more metadata
            }
            int length = ((file[at + 2] & 0xFF) << 8) | (file[at + 3] & 0xFF);
            int data = at + 4;
            if (marker == 0xE1 && length >= 8 && data + length - 2 <= file.length && startsWith(file, data, "Exif\0\0")) {
                return Arrays.copyOfRange(file, data + 6, data + length - 2);
            }
            at += 2 + length;
        }
        return null;
    }

    /** The eXIf chunk of a PNG. */
    private static byte[] pngExif(byte[] file) {
        int at = 8;
        while (at + 8 <= file.length) {
            int length = ByteBuffer.wrap(file, at, 4).getInt();
            if (length < 0 || at + 12L + length > file.length) {
                return null;
            }
            if (startsWith(file, at + 4, "eXIf")) {
                return Arrays.copyOfRange(file, at + 8, at + 8 + length);
            }
            if (startsWith(file, at + 4, "IDAT")) {
                return null;
            }
            at += 12 + length;
        }
        return null;
    }

    /** The EXIF chunk of an extended WebP (some writers keep the JPEG "Exif\0\0" prefix). */
    private static byte[] webpExif(byte[] file) {
        int at = 12;
        while (at + 8 <= file.length) {
            int length = ByteBuffer.wrap(file, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (length < 0 || at + 8L + length > file.length) {
                return null;
            }
            if (startsWith(file, at, "EXIF")) {
                int data = at + 8;
                int skip = startsWith(file, data, "Exif\0\0") ? 6 : 0;
                return Arrays.copyOfRange(file, data + skip, data + length);
            }
            at += 8 + length + (length & 1);
        }
        return null;
    }

    private static boolean startsWith(byte[] file, int at, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.ISO_8859_1);
        if (at + expected.length > file.length) {
            return false;
        }
        return Arrays.equals(file, at, at + expected.length, expected, 0, expected.length);
    }

}
