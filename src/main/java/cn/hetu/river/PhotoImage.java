package cn.hetu.river;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;


import cn.hetu.system.ErrorCode;
import cn.hetu.system.Refusal;

/**
 * An uploaded photo checked for what it really is: its type from its first bytes (never from its name
 * or declared type), its size in pixels from the header before any pixel is decoded (a small file can
 * claim a huge picture), then a real decode. What is stored is made again from the decoded pixels,
 * turned upright as the EXIF orientation says: a JPEG for a JPEG or WebP, a PNG for a PNG. Nothing
 * else of the upload survives (no HTML or zip appended after the image, no metadata); the EXIF
 * evidence (time, position) is read from the original first. The thumbnail is made from the same pixels.
 */
final class PhotoImage {

    static final String JPEG = "image/jpeg";

    static final String PNG = "image/png";

    static final String WEBP = "image/webp";

    static final long MAX_BYTES = 8L * 1024 * 1024;

    static final long MAX_PIXELS = 40_000_000;

    static final int THUMBNAIL_SIDE = 320;

    /** Larger photos are stored at about this side: enough to read a sign or a water level. */
    static final int STORED_SIDE = 4096;

    /** A checked photo as stored: its type, size in pixels, the image, the original's EXIF, and its thumbnail as JPEG. */
    record Checked(String contentType, int width, int height, Exif exif, byte[] photo, byte[] thumbnail) {
    }

    private PhotoImage() {
    }

    /** @param county the time zone a camera's clock without an offset is taken to be in */
    static Checked check(byte[] file, ZoneId county) {
        if (file.length > MAX_BYTES) {
            throw new Refusal(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The photo has " + file.length + " bytes; at most " + MAX_BYTES + " (8 MB) are accepted", "file");
        }
        String type = sniff(file);
        if (type == null) {
            throw new Refusal(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "The file is not a JPEG, PNG or WebP image (judged by its content, not its name or declared type)", "file");
        }
        ImageReader reader = reader(type);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if ((long) width * height > MAX_PIXELS) {
                throw new Refusal(ErrorCode.PAYLOAD_TOO_LARGE,
                        "The photo is " + width + " × " + height + " pixels; at most " + MAX_PIXELS / 1_000_000
                                + " megapixels are accepted", "file");
            }
            BufferedImage image = reader.read(0, subsampled(reader, width, height));
            Exif exif = Exif.of(file, county);
            boolean png = type.equals(PNG);
            BufferedImage upright = upright(image, exif.orientation(), png && image.getColorModel().hasAlpha());
            byte[] photo = png ? png(upright) : jpeg(upright, 0.9f);
            return new Checked(png ? PNG : JPEG, upright.getWidth(), upright.getHeight(), exif, photo, thumbnail(upright));
        }
        catch (IOException | RuntimeException e) {
            if (e instanceof Refusal refused) {
                throw refused;
            }
            throw new Refusal(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "The file starts like a " + type + " but cannot be decoded as one", "file");
        }
        finally {
            reader.dispose();
        }
    }

    /** The type its magic bytes say, or null. */
    static String sniff(byte[] file) {
        if (file.length >= 3 && (file[0] & 0xFF) == 0xFF && (file[1] & 0xFF) == 0xD8 && (file[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (startsWith(file, 0, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })) {
            return PNG;
        }
        if (startsWith(file, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && startsWith(file, 8, "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return WEBP;
        }
        return null;
    }

    private static ImageReader reader(String type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No image reader for " + type + " is installed");
        }
        return readers.next();
    }

    /** Every pixel row is still decoded, but a photo larger than {@link #STORED_SIDE} is kept at about that side. */
    private static ImageReadParam subsampled(ImageReader reader, int width, int height) {
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, (int) Math.ceil((double) Math.max(width, height) / STORED_SIDE));
        param.setSourceSubsampling(step, step, 0, 0);
        return param;
    }

    /**
     * The pixels alone, in a plain RGB (or ARGB) image, turned and mirrored as the EXIF orientation
     * (1-8) says so that the photo shows upright without it; transparent areas of an RGB copy become white.
     */
    static BufferedImage upright(BufferedImage image, int orientation, boolean alpha) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        boolean sideways = orientation >= 5 && orientation <= 8;
        BufferedImage out = new BufferedImage(sideways ? h : w, sideways ? w : h,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            if (!alpha) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, out.getWidth(), out.getHeight());
            }
            g.drawImage(image, transform, null);
        }
        finally {
            g.dispose();
        }
        return out;
    }

    /** A JPEG whose longest side is at most {@link #THUMBNAIL_SIDE}, from an upright photo. */
    static byte[] thumbnail(BufferedImage upright) {
        double scale = Math.min(1.0, (double) THUMBNAIL_SIDE / Math.max(upright.getWidth(), upright.getHeight()));
        int w = Math.max(1, (int) Math.round(upright.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(upright.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE); // transparent PNG areas become white, as on paper
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(upright, 0, 0, w, h, null);
        }
        finally {
            g.dispose();
        }
        return jpeg(out, 0.82f);
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static boolean startsWith(byte[] file, int at, byte[] expected) {
        return file.length >= at + expected.length
                && Arrays.equals(file, at, at + expected.length, expected, 0, expected.length);
    }

}
