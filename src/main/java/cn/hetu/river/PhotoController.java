package cn.hetu.river;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.hetu.system.InvalidParameterException;

/**
 * Photos of issues: uploaded from the phone as multipart form data, served with the issue's read
 * rights, never from a public path.
 */
@RestController
@RequestMapping("/api/v1")
class PhotoController {

    private final Photos photos;

    private final Issues issues;

    private final RiverAccess river;

    PhotoController(Photos photos, Issues issues, RiverAccess river) {
        this.photos = photos;
        this.issues = issues;
        this.river = river;
    }

    /** 201 with Location the first time; 200 with the same photo when the upload with this {@code id} is retried. */
    @PostMapping(path = "/issues/{issueId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Photos.Photo> upload(@PathVariable UUID issueId, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String id, @RequestParam(defaultValue = "before") String kind) {
        Issues.Issue issue = issues.issue(issueId);
        river.requirePhotoUpload(issue);
        if (file == null || file.isEmpty()) {
            throw new InvalidParameterException("file", "Send the photo in the multipart field 'file'");
        }
        UUID photoId = id == null || id.isBlank() ? UUID.randomUUID() : uuid(id);
        boolean created = photos.upload(issueId, new Photos.Upload(photoId, kind, bytes(file)));
        Photos.Photo photo = photos.photo(photoId);
        return created ? ResponseEntity.created(URI.create(photo.url())).body(photo) : ResponseEntity.ok(photo);
    }

    @GetMapping("/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable UUID id) {
        return file(id, false);
    }

    @GetMapping("/photos/{id}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable UUID id) {
        return file(id, true);
    }

    private ResponseEntity<byte[]> file(UUID id, boolean thumbnail) {
        river.requireReader();
        Photos.Stored stored = photos.stored(id);
        issues.issue(stored.issueId()); // the issue's readers, and only they, see its photos
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(thumbnail ? PhotoImage.JPEG : stored.contentType()))
            .cacheControl(CacheControl.empty().cachePrivate())
            .header("X-Content-Type-Options", "nosniff")
            .body(photos.bytes(id, thumbnail));
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidParameterException("id", "id is the photo's UUID made by the client, not '" + text + "'");
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
