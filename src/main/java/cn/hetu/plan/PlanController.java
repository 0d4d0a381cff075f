package cn.hetu.plan;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.hetu.security.LayerAccess;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;
import cn.hetu.system.Spreadsheets;
import cn.hetu.system.UploadedDocuments;

/** Annual work plans: read with their figures, report values, change indicators, copy, close, export. */
@RestController
@RequestMapping("/api/v1/plans")
class PlanController {

    record CopyRequest(Integer year) {
    }

    private final PlanQueries queries;

    private final PlanWrites writes;

    private final PlanEdits edits;

    private final LayerAccess access;

    PlanController(PlanQueries queries, PlanWrites writes, PlanEdits edits, LayerAccess access) {
        this.queries = queries;
        this.writes = writes;
        this.edits = edits;
        this.access = access;
    }

    @GetMapping
    List<PlanViews.Plan> plans(@RequestParam(required = false) String year,
            @RequestParam(required = false) String department) {
        return queries.plans(year == null || year.isBlank() ? null : Years.parse(year), department);
    }

    /** The years that have plans, latest first: what the year pickers offer. */
    @GetMapping("/years")
    List<Integer> years() {
        return queries.years();
    }

    @GetMapping("/{id}")
    PlanViews.Plan plan(@PathVariable long id) {
        return queries.plan(id);
    }

    @PostMapping
    ResponseEntity<PlanViews.Plan> create(@RequestBody PlanEdits.PlanInput input) {
        long id = edits.createPlan(input);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + id)).body(queries.plan(id));
    }

    @PostMapping("/{id}/tasks")
    ResponseEntity<PlanViews.Task> addTask(@PathVariable long id, @RequestBody PlanEdits.TaskInput input) {
        long taskId = edits.addTask(id, input);
        return ResponseEntity.status(201).body(task(taskId));
    }

    @PutMapping("/tasks/{id}")
    PlanViews.Task saveTask(@PathVariable long id, @RequestBody PlanEdits.TaskInput input) {
        edits.saveTask(id, input);
        return task(id);
    }

    /** Replaces the key projects and assets the task is linked to. */
    @PutMapping("/tasks/{id}/links")
    PlanViews.Task link(@PathVariable long id, @RequestBody PlanEdits.LinksInput input) {
        edits.link(id, input);
        return task(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        edits.deletePlan(id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/tasks/{id}")
    ResponseEntity<Void> deleteTask(@PathVariable long id) {
        edits.deleteTask(id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/indicators/{id}")
    ResponseEntity<Void> deleteIndicator(@PathVariable long id) {
        edits.deleteIndicator(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/indicators/{id}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PlanViews.Indicator> report(@PathVariable long id, @RequestParam(required = false) String value,
            @RequestParam(required = false) String reportedOn, @RequestParam(required = false) String note,
            @RequestParam(required = false) MultipartFile file) throws IOException {
        writes.checkReporter(id);
        PlanWrites.Evidence evidence = file == null || file.isEmpty() ? null
                : new PlanWrites.Evidence(fileName(file), String.valueOf(file.getContentType()), file.getBytes());
        long reportId = writes.report(id, new PlanWrites.ReportInput(number(value), Years.day("reportedOn", reportedOn), note),
                evidence);
        return ResponseEntity.created(URI.create("/api/v1/plans/reports/" + reportId)).body(indicator(id));
    }

    /** The same report without evidence, as JSON. */
    @PostMapping(path = "/indicators/{id}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PlanViews.Indicator> reportJson(@PathVariable long id, @RequestBody PlanWrites.ReportInput input) {
        long reportId = writes.report(id, input, null);
        return ResponseEntity.created(URI.create("/api/v1/plans/reports/" + reportId)).body(indicator(id));
    }

    @PutMapping("/indicators/{id}")
    PlanViews.Indicator saveIndicator(@PathVariable long id, @RequestBody PlanWrites.IndicatorInput input) {
        writes.saveIndicator(id, input);
        return indicator(id);
    }

    @PostMapping("/tasks/{id}/indicators")
    ResponseEntity<PlanViews.Indicator> addIndicator(@PathVariable long id, @RequestBody PlanWrites.IndicatorInput input) {
        long indicatorId = writes.addIndicator(id, input);
        return ResponseEntity.status(201).body(indicator(indicatorId));
    }

    /** Copies the plan to the year given, by default the next one. */
    @PostMapping("/{id}/copy")
    ResponseEntity<PlanViews.Plan> copy(@PathVariable long id, @RequestBody(required = false) CopyRequest request) {
        int year = request == null || request.year() == null ? queries.ownerOfPlan(id).year() + 1 : request.year();
        long copy = writes.copy(id, year);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + copy)).body(queries.plan(copy));
    }

    @PostMapping("/{id}/close")
    PlanViews.Plan close(@PathVariable long id) {
        writes.close(id);
        return queries.plan(id);
    }

    @GetMapping("/{id}/report.xlsx")
    ResponseEntity<StreamingResponseBody> export(@PathVariable long id) {
        PlanViews.Plan plan = queries.plan(id);
        String name = plan.year() + "年" + plan.departmentZh() + "工作谋划进度.xlsx";
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(Spreadsheets.XLSX))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
            .body(out -> Spreadsheets.xlsx("进度", ProgressReport.HEADER, ProgressReport.rows(plan), out));
    }

    @GetMapping("/reports/{id}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable long id) {
        access.requireUser();
        PlanQueries.Evidence evidence = queries.evidence(id).orElseThrow(() -> new NotFoundException("No evidence for report " + id));
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(evidence.contentType()))
            .cacheControl(CacheControl.empty().cachePrivate())
            .header("X-Content-Type-Options", "nosniff")
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(evidence.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
            .body(evidence.content());
    }

    private PlanViews.Task task(long id) {
        return queries.plan(queries.ownerOfTask(id).planId()).tasks().stream()
            .filter(t -> t.id() == id)
            .findFirst()
            .orElseThrow();
    }

    private PlanViews.Indicator indicator(long id) {
        return queries.plan(queries.ownerOfIndicator(id).planId()).tasks().stream()
            .flatMap(t -> t.indicators().stream())
            .filter(i -> i.id() == id)
            .findFirst()
            .orElseThrow();
    }

    private static Double number(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidParameterException("value", "value is the figure reached, a number");
        }
        try {
            return Double.valueOf(text.trim());
        }
        catch (NumberFormatException e) {
            throw new InvalidParameterException("value", "value '" + text + "' is not a number");
        }
    }

    private static String fileName(MultipartFile file) {
        return UploadedDocuments.name(file.getOriginalFilename(), "evidence");
    }

}
