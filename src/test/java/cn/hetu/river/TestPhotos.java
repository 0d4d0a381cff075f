package cn.hetu.river;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Photos made for the tests: pictures drawn with ImageIO, EXIF written by hand, multipart bodies. */
public final class TestPhotos {

    static final String BOUNDARY = "hetu-test-boundary-7d3f";

    public static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    private TestPhotos() {
    }

    static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 110, 170));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG with an EXIF APP1 segment (little-endian TIFF) holding the orientation, DateTimeOriginal (camera
     * local time, no zone) and a GPS position in degrees, minutes and seconds.
     */
    static byte[] jpegWithExif(int width, int height, int orientation, String takenAt, double lon, double lat) {
        byte[] jpeg = image("jpeg", width, height);
        ByteBuffer tiff = ByteBuffer.allocate(190).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put(new byte[] { 'I', 'I', 42, 0 }).putInt(8);
        // IFD0 at 8: orientation, the EXIF sub-IFD at 50, the GPS sub-IFD at 88.
        tiff.putShort((short) 3);
        entry(tiff, 0x0112, 3, 1, orientation);
        entry(tiff, 0x8769, 4, 1, 50);
        entry(tiff, 0x8825, 4, 1, 88);
        tiff.putInt(0);
        // EXIF IFD at 50: DateTimeOriginal, its 20 characters at 68.
        tiff.putShort((short) 1);
        entry(tiff, 0x9003, 2, 20, 68);
        tiff.putInt(0);
        tiff.put((takenAt + "\0").getBytes(StandardCharsets.US_ASCII));
        // GPS IFD at 88: N/E references inline, latitude rationals at 142, longitude at 166.
        tiff.putShort((short) 4);
        entry(tiff, 1, 2, 2, 'N');
        entry(tiff, 2, 5, 3, 142);
        entry(tiff, 3, 2, 2, 'E');
        entry(tiff, 4, 5, 3, 166);
        tiff.putInt(0);
        degrees(tiff, lat);
        degrees(tiff, lon);
        byte[] exif = tiff.array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        int length = 2 + 6 + exif.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A small PNG whose header claims width × height pixels, with a correct header checksum. */
    static byte[] pngClaiming(int width, int height) {
        byte[] png = image("png", 8, 8);
        ByteBuffer header = ByteBuffer.wrap(png);
        header.putInt(16, width).putInt(20, height); // IHDR data starts at byte 16
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // chunk type and its 13 data bytes
        header.putInt(29, (int) crc.getValue());
        return png;
    }

    public static byte[] multipart(String fileName, String declaredType, byte[] file, String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i += 2) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3) {
            tiff.putShort((short) value).putShort((short) 0);
        }
        else {
            tiff.putInt(value);
        }
    }

    private static void degrees(ByteBuffer tiff, double value) {
        int degrees = (int) value;
        int minutes = (int) ((value - degrees) * 60);
        long milliSeconds = Math.round(((value - degrees) * 60 - minutes) * 60 * 1000);
        tiff.putInt(degrees).putInt(1).putInt(minutes).putInt(1).putInt((int) milliSeconds).putInt(1000);
    }

}
