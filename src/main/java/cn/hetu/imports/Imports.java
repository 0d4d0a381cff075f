package cn.hetu.imports;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.databind.JsonNode;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Layer;
import cn.hetu.county.County;
import cn.hetu.export.GdalCommand;
import cn.hetu.security.HetuUser;
import cn.hetu.security.LayerAccess;
import cn.hetu.security.Role;
import cn.hetu.system.ApiProblem;
import cn.hetu.system.ErrorCode;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

/**
 * The import workflow. Upload: the file is checked, described by ogrinfo and loaded into staging
 * in the background, then checked against its target. Commit: the user's mapping and choices are
 * checked again and the merge runs in the background in one transaction.
 */
@Component
class Imports {

    /** What the user asked for when uploading. */
    record UploadRequest(String collection, String newLayer, String title, String encoding, String crs, String layer) {
    }

    /** What the user decided after reading the report. */
    record CommitRequest(Map<String, String> mapping, Map<String, String> defaults, String invalid, String duplicates,
            Boolean ignoreCrsWarning) {
    }

    /** What the file is, as the job's {@code source}. */
    record Source(String format, String layer, List<String> layers, long featureCount, String geometryType,
            double[] extent, SourceCrs crs, SourceEncoding encoding) {
    }

    private final UploadedFiles files;

    private final Staging staging;

    private final ImportTargets targets;

    private final ImportChecks checks;

    private final ImportMerge merge;

    private final ImportJobs jobs;

    private final Catalog catalog;

    private final LayerAccess access;

    private final JdbcClient jdbc;

    private final County county;

    Imports(UploadedFiles files, Staging staging, ImportTargets targets, ImportChecks checks, ImportMerge merge,
            ImportJobs jobs, Catalog catalog, LayerAccess access, JdbcClient jdbc, County county) {
        this.county = county;
        this.files = files;
        this.staging = staging;
        this.targets = targets;
        this.checks = checks;
        this.merge = merge;
        this.jobs = jobs;
        this.catalog = catalog;
        this.access = access;
        this.jdbc = jdbc;
    }

    ImportJobs.JobView upload(MultipartFile file, UploadRequest request) throws IOException {
        HetuUser user = access.requireUser();
        ImportTarget.NewLayer newLayer = target(user, request);
        SourceCrs override = blank(request.crs()) ? null : SourceCrs.override(request.crs());
        SourceEncoding chosen = blank(request.encoding()) ? null : SourceEncoding.chosen(request.encoding());
        UploadedFiles.Upload upload = files.receive(file);
        try {
            SourceEncoding encoding = encoding(upload, chosen);
            staging.toUtf8(upload, encoding);
            List<SourceLayer> layers = staging.inspect(upload, encoding);
            SourceLayer layer = layers.stream()
                .filter(l -> blank(request.layer()) ? l.featureCount() != 0 : l.name().equals(request.layer()))
                .findFirst()
                .orElseThrow(() -> ImportRefused.unprocessable(blank(request.layer()) ? upload.label() + " holds no features"
                        : upload.label() + " has no layer '" + request.layer() + "'; it has "
                                + layers.stream().map(SourceLayer::name).toList()));
            SourceCrs crs = override != null ? override
                    : layer.wkt() != null ? SourceCrs.fromFile(layer.wkt()) : SourceCrs.guess(layer.extent(), county.mainGkZone());
            if (crs == null) {
                throw ImportRefused.unprocessable("The file says nothing of its CRS and its coordinates "
                        + Arrays.toString(layer.extent()) + " fit none Hetu knows; choose the CRS (crs=EPSG:...)");
            }
            UUID id = UUID.randomUUID();
            Source source = new Source(upload.format(), layer.name(), layers.stream().map(SourceLayer::name).toList(),
                    layer.featureCount(), layer.geometryType(), layer.extent(), crs, encoding);
            jobs.create(id, user.username(), file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
                    request.collection(), newLayer, source);
            jobs.submit(id, running -> load(id, upload, layer, crs, encoding, running));
            return jobs.find(id).orElseThrow();
        }
        catch (IOException | RuntimeException e) {
            UploadedFiles.delete(upload.dir());
            throw e;
        }
    }

    private void load(UUID id, UploadedFiles.Upload upload, SourceLayer layer, SourceCrs crs, SourceEncoding encoding,
            ImportJobs.Running running) {
        try {
            running.command = staging.convertCommand(upload, layer, crs, encoding);
            GdalCommand.Result result = running.command.run(percent -> running.progress = percent * 6 / 10);
            running.command = null;
            if (!running.cancelled && result.exitCode() != 0) {
                String reason = Staging.firstError(result.output());
                jobs.finish(id, "failed", null, null, reason.contains("projection domain") || reason.contains("reproject")
                        ? "The coordinates do not fit the CRS " + crs.name() + ": the CRS is probably wrong; upload again "
                                + "and choose the right one (" + reason + ")"
                        : "GDAL could not read the file: " + reason);
                return;
            }
            if (!running.cancelled) {
                staging.load(id, Staging.converted(upload), layer, pid -> running.backend = pid,
                        percent -> running.progress = 60 + percent * 3 / 10);
                running.backend = null;
            }
            if (running.cancelled) {
                staging.drop(id);
                jobs.finish(id, "cancelled", null, null, "Cancelled; nothing was written");
                return;
            }
            running.progress = 92;
            jobs.finish(id, "ready", report(id, defaults(new CommitRequest(null, null, null, null, false))), null, null);
        }
        catch (ImportRefused e) {
            staging.drop(id);
            jobs.finish(id, running.cancelled ? "cancelled" : "failed", null, null, running.cancelled
                    ? "Cancelled; nothing was written" : "The file could not be loaded: " + e.getMessage());
        }
        catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        finally {
            UploadedFiles.delete(upload.dir());
        }
    }

    private ImportReport report(UUID id, Map<String, String> defaults) {
        ImportJobs.JobView job = jobs.find(id).orElseThrow();
        List<ImportTargets.StagingField> fields = targets.stagingFields(id);
        List<String> names = fields.stream().map(ImportTargets.StagingField::name).toList();
        ImportTarget target;
        Map<String, String> mapping;
        if (job.target() != null) {
            target = targets.existing(catalog.get(job.target()));
            mapping = FieldMatcher.propose(target.columnNames(), names);
        }
        else {
            Map<String, String> core = FieldMatcher.propose(ImportTarget.CORE.stream().map(ImportTarget.TargetColumn::name).toList(), names);
            target = targets.fresh(jobs.read(job.newLayer(), ImportTarget.NewLayer.class), targets.geometryType(id), fields, core);
            mapping = new LinkedHashMap<>(core);
            mapping.putAll(ImportTargets.extraMapping(target));
        }
        return checks.report(id, target, mapping, defaults, fields);
    }

    /** The mapping-dependent checks for a mapping the user is trying out. */
    ImportReport.Checks check(UUID id, CommitRequest request) {
        ImportJobs.JobView job = owned(id);
        Resolved resolved = resolve(job, request);
        return checks.checks(id, resolved.target(), resolved.mapping(), defaults(request), targets.stagingFields(id));
    }

    ImportJobs.JobView commit(UUID id, CommitRequest request) {
        ImportJobs.JobView job = owned(id);
        if (!job.state().equals("ready")) {
            throw new ImportRefused(HttpStatus.CONFLICT, "The import is " + job.state() + "; only a ready import can be committed");
        }
        JsonNode report = jobs.read(job.report(), JsonNode.class);
        if (report.path("likelyWrongCrs").asBoolean() && !Boolean.TRUE.equals(request.ignoreCrsWarning())) {
            throw new ImportRefused(HttpStatus.CONFLICT, "Most features lie outside the county after reprojection: the "
                    + "CRS is probably wrong. Upload again with the right CRS, or commit with ignoreCrsWarning");
        }
        String invalid = request.invalid() == null ? "repair" : request.invalid();
        String duplicates = request.duplicates() == null ? "skip" : request.duplicates();
        if (!List.of("repair", "skip").contains(invalid)) {
            throw new InvalidParameterException("invalid", "invalid is repair or skip, not '" + invalid + "'");
        }
        if (!List.of("insert", "update", "skip").contains(duplicates)) {
            throw new InvalidParameterException("duplicates", "duplicates is insert, update or skip, not '" + duplicates + "'");
        }
        Resolved resolved = resolve(job, request);
        Map<String, String> defaults = defaults(request);
        List<ImportTargets.StagingField> fields = targets.stagingFields(id);
        ImportReport.Checks found = checks.checks(id, resolved.target(), resolved.mapping(), defaults, fields);
        if (found.blocking()) {
            throw new ChecksFailed(found);
        }
        if (!jobs.transition(id, "ready", "committing")) {
            throw new ImportRefused(HttpStatus.CONFLICT, "The import is already being committed");
        }
        ImportMerge.Plan plan = new ImportMerge.Plan(resolved.mapping(), defaults, invalid.equals("repair"), duplicates);
        Layer layer = resolved.target().isNew() ? null : catalog.get(resolved.target().id());
        List<String> fieldNames = fields.stream().map(ImportTargets.StagingField::name).toList();
        jobs.submit(id, running -> {
            ImportMerge.Hooks hooks = new ImportMerge.Hooks(pid -> running.backend = pid, p -> running.progress = p,
                    () -> running.cancelled, department -> {
                        if (layer != null) {
                            access.checkEdit(layer, department);
                        }
                    });
            try {
                ImportMerge.Result result = merge.merge(id, job.username(), resolved.target(), plan, fieldNames, hooks);
                // The catalogue knows a new layer before the job says committed, so a client that sees
                // "committed" never gets a 404 for it.
                if (resolved.target().isNew()) {
                    catalog.refresh();
                }
                jobs.finish(id, "committed", null, result, null);
                staging.drop(id);
            }
            catch (DataAccessException | AccessDeniedException e) {
                if (running.cancelled) {
                    throw e;
                }
                // A rule of the registry refused a row: nothing was written, the user may change the mapping and retry.
                String message = e instanceof DataAccessException d && d.getMostSpecificCause() != null
                        ? d.getMostSpecificCause().getMessage() : e.getMessage();
                jobs.finish(id, "ready", null, null, "Nothing was written: " + message.lines().findFirst().orElse(message));
            }
        });
        return jobs.find(id).orElseThrow();
    }

    ImportJobs.JobView cancel(UUID id) {
        owned(id);
        jobs.cancel(id);
        return jobs.find(id).orElseThrow();
    }

    void delete(UUID id) {
        owned(id);
        jobs.cancel(id);
        jobs.delete(id);
    }

    ImportJobs.JobView get(UUID id) {
        return owned(id);
    }

    List<ImportJobs.JobView> recent() {
        HetuUser user = access.requireUser();
        return jobs.recent(user.has(Role.ADMIN) ? null : user.username());
    }

    /** Target and complete mapping for a commit or a check; a new layer's columns follow the core mapping. */
    private Resolved resolve(ImportJobs.JobView job, CommitRequest request) {
        List<ImportTargets.StagingField> fields = targets.stagingFields(job.id());
        List<String> names = fields.stream().map(ImportTargets.StagingField::name).toList();
        JsonNode report = jobs.read(job.report(), JsonNode.class);
        Map<String, String> mapping = new LinkedHashMap<>();
        if (request.mapping() != null) {
            mapping.putAll(request.mapping());
        }
        else {
            report.path("mapping").properties().forEach(e -> mapping.put(e.getKey(), e.getValue().asString()));
        }
        mapping.values().removeIf(v -> v == null || v.isBlank());
        for (Map.Entry<String, String> pair : mapping.entrySet()) {
            if (!names.contains(pair.getValue())) {
                throw new InvalidParameterException("mapping", "The file has no field '" + pair.getValue() + "' (for "
                        + pair.getKey() + "); it has " + names);
            }
        }
        ImportTarget target;
        if (job.target() != null) {
            target = targets.existing(catalog.get(job.target()));
        }
        else {
            ImportTarget.NewLayer layer = jobs.read(job.newLayer(), ImportTarget.NewLayer.class);
            if (catalog.find(layer.id()).isPresent()) {
                throw new ImportRefused(HttpStatus.CONFLICT, "A collection '" + layer.id() + "' exists already");
            }
            Map<String, String> core = new LinkedHashMap<>(mapping);
            core.keySet().retainAll(ImportTarget.CORE_NAMES);
            target = targets.fresh(layer, report.path("targetGeometryType").asString(), fields, core);
            mapping.clear();
            mapping.putAll(core);
            mapping.putAll(ImportTargets.extraMapping(target));
        }
        for (String column : mapping.keySet()) {
            if (target.column(column) == null) {
                throw new InvalidParameterException("mapping", "'" + column + "' is not a column of " + target.id()
                        + "; its columns are " + target.columnNames());
            }
        }
        return new Resolved(target, mapping);
    }

    private record Resolved(ImportTarget target, Map<String, String> mapping) {
    }

    /** The user's defaults; an editor's own department when they give none. */
    private Map<String, String> defaults(CommitRequest request) {
        Map<String, String> defaults = new LinkedHashMap<>();
        HetuUser user = access.requireUser();
        if (user.department() != null && !user.has(Role.ADMIN)) {
            defaults.put("department", user.department());
        }
        if (request.defaults() != null) {
            request.defaults().forEach((column, value) -> {
                if (value != null && !value.isBlank()) {
                    defaults.put(column, value);
                }
            });
        }
        return defaults;
    }

    private ImportJobs.JobView owned(UUID id) {
        HetuUser user = access.requireUser();
        ImportJobs.JobView job = jobs.find(id).orElseThrow(() -> new NotFoundException("Import " + id + " does not exist"));
        if (!job.username().equals(user.username()) && !user.has(Role.ADMIN)) {
            throw new NotFoundException("Import " + id + " does not exist");
        }
        return job;
    }

    private ImportTarget.NewLayer target(HetuUser user, UploadRequest request) {
        if (blank(request.collection()) == blank(request.newLayer())) {
            throw new InvalidParameterException("collection", "Give either collection (an existing one) or newLayer "
                    + "(the id of a layer to create)");
        }
        if (!blank(request.collection())) {
            Layer layer = catalog.get(request.collection());
            access.checkEdit(layer, user.has(Role.ADMIN) ? null : user.department());
            return null;
        }
        if (!user.has(Role.ADMIN)) {
            throw new AccessDeniedException(user.username() + " may not create layers; an administrator can");
        }
        String id = request.newLayer();
        if (!id.matches("[a-z][a-z0-9_]{1,40}")) {
            throw new InvalidParameterException("newLayer", "newLayer is a lower-case ASCII id such as 'survey_ditches' "
                    + "(letters, digits, _), not '" + id + "'");
        }
        boolean taken = jdbc.sql("SELECT to_regclass(?) IS NOT NULL OR EXISTS (SELECT 1 FROM collection WHERE id = ?)")
            .params(id, id)
            .query(Boolean.class)
            .single();
        if (taken) {
            throw new ImportRefused(HttpStatus.CONFLICT, "The name '" + id + "' is taken; choose another id for the new layer");
        }
        return new ImportTarget.NewLayer(id, blank(request.title()) ? id : request.title());
    }

    private static SourceEncoding encoding(UploadedFiles.Upload upload, SourceEncoding chosen) throws IOException {
        if (chosen != null) {
            return chosen;
        }
        if (upload.format().equals("shp")) {
            var cpg = UploadedFiles.sidecar(upload.dataset(), "cpg");
            return cpg != null ? SourceEncoding.fromCpg(cpg) : SourceEncoding.detect(UploadedFiles.sidecar(upload.dataset(), "dbf"));
        }
        if (upload.format().equals("csv")) {
            return SourceEncoding.detect(upload.dataset());
        }
        return new SourceEncoding("UTF-8", "UTF-8", "file");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The checks that stop a commit: values that do not fit, required columns without values. */
    static final class ChecksFailed extends ApiProblem {

        private final ImportReport.Checks checks;

        ChecksFailed(ImportReport.Checks checks) {
            super(ErrorCode.IMPORT_CHECKS_FAILED, null,
                    "Some values do not fit their columns or are missing; fix the mapping or give defaults");
            this.checks = checks;
            with("checks", checks);
        }

        ImportReport.Checks checks() {
            return checks;
        }

    }

}
