package cn.hetu.project;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import tools.jackson.databind.JsonNode;

import cn.hetu.catalog.Labels;
import cn.hetu.county.County;
import cn.hetu.security.LayerAccess;
import cn.hetu.edit.FeatureBodies;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;
import cn.hetu.system.Spreadsheets;

/** Key projects: list, detail, create, change, lifecycle, milestones, linked assets, footprint and export. */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectController {

    /** A new project: its fields as properties (code, name, department, category, year, ...) and an optional footprint. */
    record NewProject(JsonNode properties, JsonNode footprint) {
    }

    record Transition(@NotBlank String to, String reason, int version) {
    }

    record MilestoneChange(LocalDate dueOn, LocalDate doneOn, String remarks, int version) {
    }

    record Link(@NotBlank String collection, long assetId) {
    }

    private final ProjectQueries queries;

    private final ProjectWrites writes;

    private final LayerAccess access;

    private final Labels labels;

    private final County county;

    ProjectController(ProjectQueries queries, ProjectWrites writes, LayerAccess access, Labels labels, County county) {
        this.county = county;
        this.queries = queries;
        this.writes = writes;
        this.access = access;
        this.labels = labels;
    }

    @GetMapping
    ProjectQueries.Page list(@RequestParam(required = false) List<String> department,
            @RequestParam(required = false) List<String> status, @RequestParam(required = false) List<String> category,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
            @RequestParam(required = false) double[] bbox, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        access.readable("project");
        return queries.list(new ProjectFilter(department, status, category, year, q, bbox, overdue, sort, page, size));
    }

    @GetMapping("/{id}")
    ProjectQueries.Detail detail(@PathVariable long id) {
        access.readable("project");
        return queries.detail(id).orElseThrow(() -> new NotFoundException("Project " + id + " does not exist"));
    }

    @PostMapping
    ResponseEntity<ProjectQueries.Detail> create(@RequestBody NewProject project) {
        long id = writes.create(FeatureBodies.properties(project.properties(), "A project"), project.footprint());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id)).body(detail(id));
    }

    /** A JSON merge patch of {"properties": {...}, "geometry": ...}; properties.version must be the one read. */
    @PatchMapping("/{id}")
    ProjectQueries.Detail change(@PathVariable long id, @RequestBody JsonNode patch) {
        FeatureBodies.requireVersion(patch);
        writes.change(id, patch);
        return detail(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam int version) {
        writes.delete(id, version);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/transitions")
    ProjectQueries.Detail transition(@PathVariable long id, @RequestBody @Valid Transition transition) {
        writes.transition(id, transition.to(), transition.reason(), transition.version());
        return detail(id);
    }

    @PutMapping("/{id}/milestones/{milestoneId}")
    ProjectQueries.Detail milestone(@PathVariable long id, @PathVariable long milestoneId,
            @RequestBody MilestoneChange change) {
        writes.updateMilestone(id, milestoneId, change.dueOn(), change.doneOn(), change.remarks(), change.version());
        return detail(id);
    }

    @PostMapping("/{id}/links")
    ProjectQueries.Detail link(@PathVariable long id, @RequestBody @Valid Link link) {
        writes.link(id, link.collection(), link.assetId());
        return detail(id);
    }

    @DeleteMapping("/{id}/links/{collection}/{assetId}")
    ProjectQueries.Detail unlink(@PathVariable long id, @PathVariable String collection, @PathVariable long assetId) {
        writes.unlink(id, collection, assetId);
        return detail(id);
    }

    /** Makes the footprint the union of the linked assets' geometries. */
    @PostMapping("/{id}/footprint/derive")
    ProjectQueries.Detail deriveFootprint(@PathVariable long id) {
        writes.deriveFootprint(id);
        return detail(id);
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) List<String> department, @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> category, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String q, @RequestParam(required = false) double[] bbox,
            @RequestParam(required = false) Boolean overdue) {
        access.readable("project");
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new InvalidParameterException("format", "format is csv or xlsx, not '" + format + "'");
        }
        List<ProjectQueries.Summary> rows = queries
            .list(new ProjectFilter(department, status, category, year, q, bbox, overdue, null, 0, 500))
            .items();
        List<List<Object>> table = rows.stream().map(this::row).toList();
        StreamingResponseBody body = out -> {
            if (format.equals("csv")) {
                Spreadsheets.csv(HEADER, table, out);
            }
            else {
                Spreadsheets.xlsx("重点项目", HEADER, table, out);
            }
        };
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(format.equals("csv") ? Spreadsheets.CSV : Spreadsheets.XLSX))
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"projects." + format
                    + "\"; filename*=UTF-8''%E9%87%8D%E7%82%B9%E9%A1%B9%E7%9B%AE." + format)
            .body(body);
    }

    private static final List<String> HEADER = List.of("编号", "项目名称", "状态", "部门", "乡镇", "类别", "年度",
            "计划开工", "计划完工", "计划投资(万元)", "完成投资(万元)", "进度(%)", "进度依据", "逾期节点", "下一节点", "下一节点期限");

    private List<Object> row(ProjectQueries.Summary p) {
        return Arrays.asList(p.code(), p.name(), labels.value("work_status", p.status(), Labels.Language.ZH),
                p.departmentName(), p.town(), labels.value("project_category", p.category(), Labels.Language.ZH), p.year(),
                p.plannedStart(), p.plannedEnd(), p.investmentPlanned(), p.investmentDone(),
                p.progressPct(), progressMethod(p.progress()), p.overdueMilestones(), p.nextMilestone(), p.nextMilestoneDue());
    }

    /** How the progress was measured, with who reported it and when for a reported figure. */
    private String progressMethod(ProjectQueries.Progress progress) {
        String method = labels.value("progress_method", progress.method(), Labels.Language.ZH);
        if ("reported".equals(progress.method()) && progress.reportedAt() != null) {
            return method + "（" + progress.reportedBy() + "，"
                    + progress.reportedAt().atZone(county.timeZone()).toLocalDate() + "）";
        }
        return method;
    }

}
