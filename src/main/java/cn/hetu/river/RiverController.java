package cn.hetu.river;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.security.LayerAccess;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

/** The river chief system: chiefs and their segments, patrols, issues and the monthly bulletin. */
@RestController
@RequestMapping("/api/v1")
class RiverController {

    private final Chiefs chiefs;

    private final Patrols patrols;

    private final Issues issues;

    private final Bulletins bulletins;

    private final LayerAccess access;

    RiverController(Chiefs chiefs, Patrols patrols, Issues issues, Bulletins bulletins, LayerAccess access) {
        this.chiefs = chiefs;
        this.patrols = patrols;
        this.issues = issues;
        this.bulletins = bulletins;
        this.access = access;
    }

    @GetMapping("/chiefs")
    List<Chiefs.Chief> chiefs() {
        return chiefs.list();
    }

    @PostMapping("/chiefs")
    Chiefs.Chief createChief(@RequestBody Chiefs.NewChief chief) {
        return chiefs.create(chief);
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

    @GetMapping("/issues")
    List<Issues.Issue> issues(@RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean overdue) {
        return issues.list(status, overdue);
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

    @GetMapping("/bulletins/{month}")
    Bulletins.Bulletin bulletin(@PathVariable String month) {
        access.readable("river_segment");
        try {
            return bulletins.of(YearMonth.parse(month));
        }
        catch (DateTimeParseException e) {
            throw new InvalidParameterException("month", "The month is written yyyy-MM, like 2026-10, not '" + month + "'");
        }
    }

}
