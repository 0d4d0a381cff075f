package cn.hetu.river;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;

/**
 * What a photo's EXIF says about where and when it was taken, and how it is turned, read with
 * metadata-extractor (JPEG, PNG and WebP alike). A camera writes its local time without a zone
 * unless it adds OffsetTimeOriginal; without one the time is taken as county time.
 *
 * @param orientation EXIF orientation 1-8 (1 when absent)
 */
record Exif(Instant takenAt, Double lon, Double lat, int orientation) {

    static final Exif NONE = new Exif(null, null, null, 1);

    /**
     * The EXIF of a photo; {@link #NONE} when it has none or it cannot be read.
     * @param county the time zone a camera's clock without an offset is taken to be in
     */
    static Exif of(byte[] file, ZoneId county) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(file), file.length);
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            Integer orientation = ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            Date taken = exif == null ? null : exif.getDateOriginal(TimeZone.getTimeZone(county));
            GeoLocation where = gps == null ? null : gps.getGeoLocation();
            boolean placed = where != null && !where.isZero() && Math.abs(where.getLatitude()) <= 90
                    && Math.abs(where.getLongitude()) <= 180;
            return new Exif(taken == null ? null : taken.toInstant(), placed ? where.getLongitude() : null,
                    placed ? where.getLatitude() : null, orientation == null || orientation < 1 || orientation > 8 ? 1 : orientation);
        }
        catch (ImageProcessingException | IOException | RuntimeException e) {
            // A photo with broken metadata is still a photo; it only proves nothing.
            return NONE;
        }
    }

}
