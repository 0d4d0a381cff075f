package cn.hetu.approval;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.county.County;
import cn.hetu.system.InvalidParameterException;

/** The approval chain of key projects: one project's timeline, and the county's approvals in progress. */
@RestController
class ApprovalController {

    record Opening(boolean greenChannel) {
    }

    private final Approvals approvals;

    private final County county;

    private final ApprovalFigures figures;

    ApprovalController(Approvals approvals, County county, ApprovalFigures figures) {
        this.figures = figures;
        this.county = county;
        this.approvals = approvals;
    }

    /** A project whose approval service has not begun has an empty chain (stage null), not a 404. */
    @GetMapping("/api/v1/projects/{id}/approvals")
    Approvals.Chain chain(@PathVariable long id) {
        return approvals.chain(id, today()).orElseGet(() -> Approvals.Chain.notOpened(id));
    }

    @PostMapping("/api/v1/projects/{id}/approvals")
    ResponseEntity<Approvals.Chain> open(@PathVariable long id, @RequestBody Opening opening) {
        approvals.open(id, opening.greenChannel(), today());
        return ResponseEntity.status(201).body(chain(id));
    }

    @PatchMapping("/api/v1/projects/{id}/approvals")
    Approvals.Chain changeCase(@PathVariable long id, @RequestBody Approvals.CaseChange change) {
        approvals.changeCase(id, change);
        return chain(id);
    }

    @PatchMapping("/api/v1/projects/{id}/approvals/{approvalId}")
    Approvals.Chain change(@PathVariable long id, @PathVariable long approvalId, @RequestBody Approvals.ApprovalChange change) {
        approvals.change(id, approvalId, change, today());
        return chain(id);
    }

    /** The county view: every approval in progress, fewest working days left first; {@code overdue} filters. */
    @GetMapping("/api/v1/approvals")
    List<Approvals.Approval> inProgress(@RequestParam(required = false) Boolean overdue) {
        return approvals.inProgress(today(), overdue);
    }

    /** The approval dashboard's figures; {@code year} (this year by default) counts the approvals finished. */
    @GetMapping("/api/v1/approvals/figures")
    ApprovalFigures.Figures figures(@RequestParam(required = false) Integer year) {
        int thisYear = today().getYear();
        if (year != null && (year < 2000 || year > thisYear)) {
            throw new InvalidParameterException("year", "year is between 2000 and " + thisYear);
        }
        return figures.of(today(), year == null ? thisYear : year);
    }

    private LocalDate today() {
        return county.today();
    }

}
