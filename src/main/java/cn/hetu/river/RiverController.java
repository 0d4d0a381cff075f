package cn.hetu.river;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

import cn.hetu.county.County;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;
import cn.hetu.system.Spreadsheets;

/** The river chief system: chiefs and their segments, patrols, issues and the monthly bulletin. */
@RestController
@RequestMapping("/api/v1")
class RiverController {

    private final Chiefs chiefs;

    private final Patrols patrols;

    private final Issues issues;

    private final Bulletins bulletins;

    private final County county;

    private final PatrolTypes types;

    RiverController(Chiefs chiefs, Patrols patrols, Issues issues, Bulletins bulletins, County county, PatrolTypes types) {
        this.county = county;
        this.types = types;
        this.chiefs = chiefs;
        this.patrols = patrols;
        this.issues = issues;
        this.bulletins = bulletins;
    }

    @GetMapping("/chiefs")
    List<Chiefs.Chief> chiefs() {
        return chiefs.list();
    }

    @PostMapping("/chiefs")
    Chiefs.Chief createChief(@RequestBody Chiefs.NewChief chief) {
        return chiefs.create(chief);
    }

    /** Changes a chief's fields, among them the account they sign in with ({@code accountId}, null to unlink). */
    @PatchMapping("/chiefs/{id}")
    Chiefs.Chief updateChief(@PathVariable long id, @RequestBody JsonNode patch) {
        return chiefs.update(id, patch);
    }

    /** Every river segment and ditch with its chiefs, unassigned ones flagged: the responsibility map (GeoJSON). */
    @GetMapping(path = "/chiefs/responsibility", produces = { "application/geo+json", "application/json" })
    String responsibility() {
        return chiefs.responsibility();
    }

    /**
     * The chief record of the signed-in account with its segments; 204 when the account is no river
     * chief, which is an answer (an administrator opening the patrol page), not an error.
     */
    @GetMapping("/me/chief")
    ResponseEntity<Chiefs.Chief> ownChief() {
        return chiefs.own().map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** Replaces the segments a chief is in charge of (包保). */
    @PutMapping("/chiefs/{id}/assignments")
    Chiefs.Chief assign(@PathVariable long id, @RequestBody List<Chiefs.Assignment> assignments) {
        return chiefs.assign(id, assignments);
    }

    /** A phone uploads a patrol: 201 the first time, 200 with the same patrol when the upload is retried. */
    @PostMapping("/patrols")
    ResponseEntity<Patrols.Patrol> upload(@RequestBody Patrols.Upload upload) {
        boolean created = patrols.upload(upload);
        Patrols.Patrol patrol = patrol(upload.id());
        return created ? ResponseEntity.created(URI.create("/api/v1/patrols/" + upload.id())).body(patrol)
                : ResponseEntity.ok(patrol);
    }

    @GetMapping("/patrols/{id}")
    Patrols.Patrol patrol(@PathVariable UUID id) {
        return patrols.patrol(id).orElseThrow(() -> new NotFoundException("Patrol " + id + " does not exist"));
    }

    @PostMapping("/issues")
    ResponseEntity<Issues.Issue> report(@RequestBody Issues.Report report) {
        boolean created = issues.report(report);
        Issues.Issue issue = issues.issue(report.id());
        return created ? ResponseEntity.created(URI.create("/api/v1/issues/" + report.id())).body(issue)
                : ResponseEntity.ok(issue);
    }

    /** The issues, filtered; {@code month} (yyyy-MM, county time) gives the month's issue map. */
    @GetMapping("/issues")
    List<Issues.Issue> issues(@RequestParam(required = false) String type, @RequestParam(required = false) String month,
            @RequestParam(required = false) String town, @RequestParam(required = false) String category,
            @RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Long chiefId) {
        return issues.list(new Issues.Filter(type, month == null ? null : month(month), town, category, status, overdue, chiefId));
    }

    @GetMapping("/issues/{id}")
    Issues.Issue issue(@PathVariable UUID id) {
        return issues.issue(id);
    }

    @PostMapping("/issues/{id}/transitions")
    Issues.Issue transition(@PathVariable UUID id, @RequestBody Issues.Transition transition) {
        issues.transition(id, transition);
        return issues.issue(id);
    }

    /** The month's bulletin of a patrol type ({@code ?type=}, river when none is named). */
    @GetMapping("/bulletins/{month}")
    Bulletins.Bulletin bulletin(@PathVariable String month, @RequestParam(required = false) String type) {
        return bulletins.of(month(month), types.named("type", type));
    }

    /** The summary of a season of a patrol type in a year, e.g. {@code /bulletins/seasons/2026/autumn_harvest?type=straw_burning}. */
    @GetMapping("/bulletins/seasons/{year}/{season}")
    Bulletins.Bulletin seasonBulletin(@PathVariable int year, @PathVariable String season,
            @RequestParam(required = false) String type) {
        if (year < 2000 || year > 2100) {
            throw new InvalidParameterException("year", "The year lies between 2000 and 2100");
        }
        return bulletins.ofSeason(year, season, types.named("type", type));
    }

    /** The bulletin's table for Excel: UTF-8 with a byte-order mark, Chinese headers. */
    @GetMapping("/bulletins/{month}.csv")
    ResponseEntity<byte[]> bulletinCsv(@PathVariable String month, @RequestParam(required = false) String type)
            throws IOException {
        PatrolType patrolType = types.named("type", type);
        Bulletins.Bulletin bulletin = bulletins.of(month(month), patrolType);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.csv(BulletinExport.header(patrolType.id()), BulletinExport.rows(bulletin, county.timeZone()), out);
        return download(out.toByteArray(), Spreadsheets.CSV, BulletinExport.fileName(bulletin, patrolType, "csv"));
    }

    @GetMapping("/bulletins/{month}.xlsx")
    ResponseEntity<byte[]> bulletinXlsx(@PathVariable String month, @RequestParam(required = false) String type)
            throws IOException {
        PatrolType patrolType = types.named("type", type);
        Bulletins.Bulletin bulletin = bulletins.of(month(month), patrolType);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.xlsx(BulletinExport.title(bulletin, patrolType), BulletinExport.header(patrolType.id()),
                BulletinExport.rows(bulletin, county.timeZone()), out);
        return download(out.toByteArray(), Spreadsheets.XLSX, BulletinExport.fileName(bulletin, patrolType, "xlsx"));
    }

    private static ResponseEntity<byte[]> download(byte[] body, String contentType, String fileName) {
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(contentType))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
            .body(body);
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        }
        catch (DateTimeParseException e) {
            throw new InvalidParameterException("month", "The month is written yyyy-MM, like 2026-10, not '" + text + "'");
        }
    }

}
