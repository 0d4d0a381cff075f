package cn.hetu.imports;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing users' files: upload (202, loaded and checked in the background), read the job and
 * its report, try a mapping, commit, cancel, delete. The upload limit (200 MB by default,
 * {@code hetu.imports.max-upload}) applies to this multipart endpoint, the only one Hetu has.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private final Imports imports;

    ImportController(Imports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<ImportJobs.JobView> upload(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String collection, @RequestParam(required = false) String newLayer,
            @RequestParam(required = false) String title, @RequestParam(required = false) String encoding,
            @RequestParam(required = false) String crs, @RequestParam(required = false) String layer) throws IOException {
        ImportJobs.JobView job = imports.upload(file,
                new Imports.UploadRequest(collection, newLayer, title, encoding, crs, layer));
        return ResponseEntity.accepted().header("Location", "/api/v1/imports/" + job.id()).body(job);
    }

    @GetMapping
    List<ImportJobs.JobView> recent() {
        return imports.recent();
    }

    @GetMapping("/{id}")
    ImportJobs.JobView get(@PathVariable UUID id) {
        return imports.get(id);
    }

    @PostMapping("/{id}/check")
    ImportReport.Checks check(@PathVariable UUID id, @RequestBody Imports.CommitRequest request) {
        return imports.check(id, request);
    }

    @PostMapping("/{id}/commit")
    ResponseEntity<ImportJobs.JobView> commit(@PathVariable UUID id, @RequestBody Imports.CommitRequest request) {
        return ResponseEntity.accepted().body(imports.commit(id, request));
    }

    @PostMapping("/{id}/cancel")
    ImportJobs.JobView cancel(@PathVariable UUID id) {
        return imports.cancel(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        imports.delete(id);
        return ResponseEntity.noContent().build();
    }

}
