package cn.hetu.river;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The photo directory, outside the web root: {@code hetu.photos.dir} (env {@code HETU_PHOTOS_DIR}),
 * by default {@code photos} under {@code HETU_DATA_DIR} (itself {@code .hetu/data} in the working
 * directory). A photo is stored as its UUID and its thumbnail as the UUID with {@code .thumb}: no
 * name a user sent ever reaches a path.
 */
@Component
class PhotoFiles {

    private final Path dir;

    PhotoFiles(@Value("${hetu.photos.dir}") Path dir) throws IOException {
        this.dir = Files.createDirectories(dir.toAbsolutePath().normalize());
    }

    Path photo(UUID id) {
        return dir.resolve(id.toString());
    }

    Path thumbnail(UUID id) {
        return dir.resolve(id + ".thumb");
    }

    /** Writes both files under temporary names, then moves them in place: a reader never sees half a file. */
    void write(UUID id, byte[] photo, byte[] thumbnail) {
        try {
            place(photo, photo(id));
            place(thumbnail, thumbnail(id));
        }
        catch (IOException e) {
            delete(id);
            throw new UncheckedIOException("Could not store photo " + id, e);
        }
    }

    void delete(UUID id) {
        try {
            Files.deleteIfExists(photo(id));
            Files.deleteIfExists(thumbnail(id));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not delete photo " + id, e);
        }
    }

    private void place(byte[] content, Path target) throws IOException {
        Path temporary = Files.createTempFile(dir, "upload-", ".part");
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

}
