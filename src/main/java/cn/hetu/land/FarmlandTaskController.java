package cn.hetu.land;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.hetu.county.County;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.UploadedDocuments;

/** Farmland protection tasks per town and year, and their responsibility letters (责任书). */
@RestController
@RequestMapping("/api/v1/farmland-tasks")
class FarmlandTaskController {

    private final FarmlandTasks tasks;

    private final FarmlandLetters letters;

    private final County county;

    FarmlandTaskController(FarmlandTasks tasks, FarmlandLetters letters, County county) {
        this.tasks = tasks;
        this.letters = letters;
        this.county = county;
    }

    /** The towns' targets, held areas and changes for a year (this year in county time when absent). */
    @GetMapping
    FarmlandTasks.Tasks tasks(@RequestParam(required = false) Integer year) {
        return tasks.of(year == null ? county.today().getYear() : year);
    }

    @PutMapping("/{year}/{town}")
    FarmlandTasks.Tasks save(@PathVariable int year, @PathVariable String town, @RequestBody FarmlandTasks.Target target) {
        return tasks.save(year, town, target);
    }

    @PostMapping(path = "/{year}/{town}/letters", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    FarmlandLetters.Letter attach(@PathVariable int year, @PathVariable String town,
            @RequestParam(required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidParameterException("file", "Attach the scanned letter (PDF, JPEG or PNG) as the part 'file'");
        }
        return letters.attach(tasks.taskForLetter(year, town), new FarmlandLetters.File(
                UploadedDocuments.name(file.getOriginalFilename(), "责任书.pdf"), String.valueOf(file.getContentType()), file.getBytes()));
    }

    @GetMapping("/letters/{id}")
    ResponseEntity<byte[]> letter(@PathVariable long id) {
        FarmlandLetters.File file = letters.file(id);
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(file.contentType()))
            .cacheControl(CacheControl.empty().cachePrivate())
            .header("X-Content-Type-Options", "nosniff")
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(file.name(), StandardCharsets.UTF_8).build().toString())
            .body(file.content());
    }

    @DeleteMapping("/letters/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long id) {
        letters.remove(id);
    }

}
