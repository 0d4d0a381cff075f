package cn.hetu.land;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/** Compliance review (合规性审查) against the planning control lines, and the lines' editions. */
@RestController
@RequestMapping("/api/v1/constraints")
class ConstraintsController {

    /**
     * @param geometry a GeoJSON geometry
     * @param crs the CRS of its coordinates, axes in that CRS's order (CRS84 lon/lat when absent)
     * @param date the day whose editions are checked (today in county time when absent)
     */
    record CheckRequest(JsonNode geometry, String crs, LocalDate date) {
    }

    /** What a footprint of the registry meets; {@code report} is null for a project without a footprint. */
    record FootprintReport(String kind, long id, boolean hasFootprint, ConflictCheck.Report report) {
    }

    private final ConflictCheck check;

    private final ConflictRegister register;

    private final ControlLayers controls;

    private final ConflictDecisions decisions;

    ConstraintsController(ConflictCheck check, ConflictRegister register, ControlLayers controls,
            ConflictDecisions decisions) {
        this.check = check;
        this.register = register;
        this.controls = controls;
        this.decisions = decisions;
    }

    /** Records what the editor decided when a save entered a restrictive line, with the figures recomputed. */
    @PostMapping("/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    ConflictDecisions.Decision decide(@RequestBody ConflictDecisions.NewDecision decision) {
        return decisions.record(decision);
    }

    @GetMapping("/decisions")
    List<ConflictDecisions.Decision> decisions(@RequestParam String collection,
            @RequestParam(required = false) Long featureId) {
        return decisions.find(collection, featureId);
    }

    @PostMapping("/check")
    ConflictCheck.Report check(@RequestBody CheckRequest request) {
        return check.check(request.geometry(), request.crs(), request.date());
    }

    @GetMapping("/projects/{id}")
    FootprintReport project(@PathVariable long id, @RequestParam(required = false) LocalDate date) {
        return footprint(ConflictRegister.Kind.PROJECT, id, date);
    }

    @GetMapping("/parcels/{id}")
    FootprintReport parcel(@PathVariable long id, @RequestParam(required = false) LocalDate date) {
        return footprint(ConflictRegister.Kind.PARCEL, id, date);
    }

    /** Every key project and parcel in conflict with the current farmland, red line or cultivated land. */
    @GetMapping("/report")
    List<ConflictRegister.Entry> report() {
        return register.all();
    }

    @GetMapping("/layers/{layer}/editions")
    List<ControlLayers.Edition> editions(@PathVariable String layer) {
        return controls.editions(layer);
    }

    /** Opens the next edition: the current one is archived and closed, the layer awaits the new import. */
    @PostMapping("/layers/{layer}/editions")
    @ResponseStatus(HttpStatus.CREATED)
    ControlLayers.Edition openEdition(@PathVariable String layer, @RequestBody ControlLayers.NewEdition edition) {
        return controls.open(layer, edition);
    }

    private FootprintReport footprint(ConflictRegister.Kind kind, long id, LocalDate date) {
        return register.footprint(kind, id)
            .map(g -> new FootprintReport(kind.table, id, true, check.check(g, date)))
            .orElseGet(() -> new FootprintReport(kind.table, id, false, null));
    }

}
