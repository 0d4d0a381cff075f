package cn.hetu.river;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** A photo's EXIF read without a server: place, time (county time when the camera gave no zone) and turn, in JPEG and PNG. */
class ExifTests {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    private static final byte[] JPEG = TestPhotos.jpegWithExif(64, 48, 6, "2026:10:07 10:30:00", 116.3125, 33.2075);

    @Test
    void aJpegTellsWhereWhenAndHowItIsTurned() {
        assertTaken(Exif.of(JPEG, COUNTY));
    }

    @Test
    void aPngCarriesTheSameBlockInItsExifChunk() {
        assertTaken(Exif.of(pngWithExif(tiffOf(JPEG)), COUNTY));
    }

    @Test
    void noOrBrokenExifProvesNothing() {
        assertThat(Exif.of(TestPhotos.image("jpeg", 16, 16), COUNTY)).isEqualTo(Exif.NONE);
        byte[] broken = JPEG.clone();
        Arrays.fill(broken, 12, 60, (byte) 0x7F);
        assertThat(Exif.of(broken, COUNTY).orientation()).isEqualTo(1);
        assertThat(Exif.of(new byte[] { 1, 2, 3 }, COUNTY)).isEqualTo(Exif.NONE);
    }

    @Test
    void aPositionAtZeroZeroOrAnUnknownTurnIsIgnored() {
        Exif nowhere = Exif.of(TestPhotos.jpegWithExif(16, 16, 9, "2026:10:07 10:30:00", 0, 0), COUNTY);
        assertThat(nowhere.lon()).isNull();
        assertThat(nowhere.lat()).isNull();
        assertThat(nowhere.orientation()).isEqualTo(1);
    }

    private static void assertTaken(Exif exif) {
        assertThat(exif.orientation()).isEqualTo(6);
        assertThat(exif.takenAt()).isEqualTo(Instant.parse("2026-10-07T02:30:00Z"));
        assertThat(exif.lon()).isCloseTo(116.3125, offset(1e-6));
        assertThat(exif.lat()).isCloseTo(33.2075, offset(1e-6));
    }

    /** The TIFF block after the APP1 segment's "Exif\0\0" (TestPhotos writes it right after SOI). */
    private static byte[] tiffOf(byte[] jpeg) {
        int length = ((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF);
        return Arrays.copyOfRange(jpeg, 12, 4 + length);
    }

    /** A PNG with an eXIf chunk right after its header chunk. */
    private static byte[] pngWithExif(byte[] tiff) {
        byte[] png = TestPhotos.image("png", 16, 16);
        int afterHeader = 8 + 4 + 4 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        byte[] type = "eXIf".getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(tiff.length).array());
        out.writeBytes(type);
        out.writeBytes(tiff);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(tiff);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

}
