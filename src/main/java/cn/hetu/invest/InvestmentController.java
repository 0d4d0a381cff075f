package cn.hetu.invest;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

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
import cn.hetu.security.LayerAccess;
import cn.hetu.edit.FeatureBodies;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

/** Investment projects (招商项目): the pipeline, steps, key projects and the land matched to them. */
@RestController
@RequestMapping("/api/v1/investments")
class InvestmentController {

    /** A new project: its fields as properties (code, name, investor, amount_wan, ...) and its point. */
    record NewInvestment(JsonNode properties, JsonNode location) {
    }

    record Step(@NotBlank String to, String reason, int version) {
    }

    record Versioned(int version) {
    }

    record ParcelChoice(long parcelId, int version) {
    }

    record KeyProject(long keyProjectId, InvestmentQueries.Detail investment) {
    }

    private final InvestmentQueries queries;

    private final InvestmentWrites writes;

    private final LandMatches land;

    private final LayerAccess access;

    private final InvestmentFigures figures;

    private final County county;

    InvestmentController(InvestmentQueries queries, InvestmentWrites writes, LandMatches land, LayerAccess access,
            InvestmentFigures figures, County county) {
        this.figures = figures;
        this.county = county;
        this.queries = queries;
        this.writes = writes;
        this.land = land;
        this.access = access;
    }

    @GetMapping
    InvestmentQueries.Page list(@RequestParam(required = false) List<String> stage,
            @RequestParam(required = false) String source, @RequestParam(required = false) String industry,
            @RequestParam(required = false) String town, @RequestParam(required = false) Boolean stalled,
            @RequestParam(required = false) String q) {
        access.readable(InvestmentWrites.COLLECTION);
        return queries.list(new InvestmentQueries.Filter(stage, source, industry, town, stalled, q));
    }

    /** The commerce dashboard's figures; {@code year} (this year by default) counts the signings, landings, productions. */
    @GetMapping("/figures")
    InvestmentFigures.Figures figures(@RequestParam(required = false) Integer year) {
        int thisYear = county.today().getYear();
        if (year != null && (year < 2000 || year > thisYear)) {
            throw new InvalidParameterException("year", "year is between 2000 and " + thisYear);
        }
        return figures.of(year == null ? thisYear : year);
    }

    @GetMapping("/{id}")
    InvestmentQueries.Detail detail(@PathVariable long id) {
        access.readable(InvestmentWrites.COLLECTION);
        return queries.detail(id).orElseThrow(() -> new NotFoundException("Investment project " + id + " does not exist"));
    }

    @PostMapping
    ResponseEntity<InvestmentQueries.Detail> create(@RequestBody NewInvestment investment) {
        long id = writes.create(FeatureBodies.properties(investment.properties(), "An investment project"), investment.location());
        return ResponseEntity.created(URI.create("/api/v1/investments/" + id)).body(detail(id));
    }

    /** A JSON merge patch of {"properties": {...}, "geometry": ...}; properties.version must be the one read. */
    @PatchMapping("/{id}")
    InvestmentQueries.Detail change(@PathVariable long id, @RequestBody JsonNode patch) {
        FeatureBodies.requireVersion(patch);
        writes.change(id, patch);
        return detail(id);
    }

    @PostMapping("/{id}/steps")
    InvestmentQueries.Detail step(@PathVariable long id, @RequestBody @Valid Step step) {
        writes.step(id, step.to(), step.reason(), step.version());
        return detail(id);
    }

    /** Makes a signed project a key project (重点项目), linked both ways. */
    @PostMapping("/{id}/key-project")
    ResponseEntity<KeyProject> keyProject(@PathVariable long id, @RequestBody Versioned body) {
        long projectId = writes.makeKeyProject(id, body.version());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId))
            .body(new KeyProject(projectId, detail(id)));
    }

    @GetMapping("/{id}/land-matches")
    LandMatches.Matches landMatches(@PathVariable long id, @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidParameterException("limit", "limit is between 1 and 200");
        }
        return land.of(id, limit);
    }

    /** Chooses the project's parcel among its matches; the parcel's 一地一策 plan becomes supply to the project. */
    @PutMapping("/{id}/parcel")
    InvestmentQueries.Detail chooseParcel(@PathVariable long id, @RequestBody ParcelChoice choice) {
        land.choose(id, choice.parcelId(), choice.version());
        return detail(id);
    }

}
