package cn.hetu.parcel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import cn.hetu.catalog.Condition;
import cn.hetu.catalog.Labels;
import cn.hetu.catalog.Layer;
import cn.hetu.export.FeatureExport;
import cn.hetu.export.GdalExport;
import cn.hetu.security.LayerAccess;
import cn.hetu.security.Role;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;
import cn.hetu.tiles.TileReplies;

/** The land planners' journey: search idle land, follow each parcel's plan, measure the disposal rate, export. */
@RestController
@RequestMapping("/api/v1/parcels")
class ParcelController {

    record NewSavedQuery(String name, JsonNode query) {
    }

    record Indicator(BigDecimal gdp100mCny, BigDecimal constructionLandHa) {
    }

    private final ParcelQueries queries;

    private final ParcelExport export;

    private final DisposalPlans plans;

    private final DisposalRates rates;

    private final SavedQueries saved;

    private final LayerAccess access;

    private final ObjectMapper json;

    private final TileReplies tiles;

    ParcelController(ParcelQueries queries, ParcelExport export, DisposalPlans plans, DisposalRates rates,
            SavedQueries saved, LayerAccess access, ObjectMapper json, TileReplies tiles) {
        this.tiles = tiles;
        this.queries = queries;
        this.export = export;
        this.plans = plans;
        this.rates = rates;
        this.saved = saved;
        this.access = access;
        this.json = json;
    }

    /** What a search answer says besides its features. */
    record SearchSummary(long numberMatched, int numberReturned, int page, int size, ParcelQueries.Totals totals,
            List<ParcelQueries.Group> byCategory, List<ParcelQueries.Group> byTown) {
    }

    /** The page of matching parcels as GeoJSON features, with the totals and breakdowns of all matches. */
    @PostMapping(path = "/search", produces = "application/geo+json")
    String search(@RequestBody ParcelSearch search) {
        access.readable("land_parcel");
        ParcelConditions.Sql sql = ParcelConditions.of(search, access);
        ParcelQueries.Result result = queries.search(sql);
        String summary = json.writeValueAsString(new SearchSummary(result.totals().count(), result.features().size(),
                sql.page(), sql.size(), result.totals(), result.byCategory(), result.byTown()));
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", result.features()) + "],"
                + summary.substring(1);
    }

    /**
     * A vector tile of every parcel the search {@code q} (the JSON body /search takes) matches, so
     * the map draws all matches however many, generalised at low zoom like any tile.
     */
    @GetMapping("/tiles/{z}/{x}/{y}.mvt")
    ResponseEntity<byte[]> tile(@PathVariable String z, @PathVariable String x, @PathVariable String y,
            @RequestParam String q) {
        Layer parcels = access.readable("land_parcel");
        ParcelSearch search;
        try {
            search = json.readValue(q, ParcelSearch.class);
        }
        catch (JacksonException e) {
            throw new InvalidParameterException("q", "q must be a parcel search as JSON: " + e.getOriginalMessage());
        }
        ParcelConditions.Sql sql = ParcelConditions.of(search, access);
        // No condition: every parcel, whose low-zoom tiles come from the precomputed cells.
        Condition matches = sql.where().equals(Condition.ALL.sql()) ? Condition.ALL
                : new Condition("t.id IN (SELECT p.id FROM land_parcel p WHERE " + sql.where() + ")", sql.args());
        return tiles.tile(parcels, z, x, y, matches, Map.of("search", q));
    }

    /** Every matching parcel in a GIS or spreadsheet format, WGS84 (4326) or CGCS2000 (4490), in words or codes. */
    @PostMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestBody ParcelSearch search,
            @RequestParam(defaultValue = "geojson") String format, @RequestParam(defaultValue = "4490") String crs,
            @RequestParam(required = false) String labels, @RequestParam(required = false) String lang, Locale locale) {
        Layer parcels = access.readable("land_parcel");
        GdalExport.Format chosen = GdalExport.format(format);
        int srs = ParcelExport.crs(crs);
        FeatureExport.Wording wording = FeatureExport.Wording.of(labels, Labels.Language.of(lang, locale));
        ParcelConditions.Sql sql = ParcelConditions.of(search, access);
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(chosen.mediaType()))
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chosen.fileName("parcels") + "\"")
            .body(out -> export.write(parcels, sql, chosen, srs, wording, out));
    }

    @GetMapping("/{id}/plan")
    DisposalPlans.Plan plan(@PathVariable long id) {
        return plans.plan(id).orElseThrow(() -> new NotFoundException("Parcel " + id + " does not exist"));
    }

    @PutMapping("/{id}/plan")
    DisposalPlans.Plan changePlan(@PathVariable long id, @RequestBody DisposalPlans.Change change) {
        plans.change(id, change);
        return plan(id);
    }

    @GetMapping("/disposal-rate")
    DisposalRates.Report disposalRate(@RequestParam int year) {
        access.readable("land_parcel");
        return rates.report(year);
    }

    /** Freezes the stock of a year before Hetu held data; administrators only, and once. */
    @PostMapping("/disposal-baselines/{year}")
    ResponseEntity<DisposalRates.Report> freezeBaseline(@PathVariable int year) {
        if (!access.requireUser().has(Role.ADMIN)) {
            throw new AccessDeniedException("Only an administrator freezes a year's stock");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(rates.freezeByAdministrator(year));
    }

    /** The yearly GDP and construction land figures behind land use per unit of GDP. */
    @PutMapping("/indicators/{year}")
    Indicator indicator(@PathVariable int year, @RequestBody Indicator indicator) {
        access.checkLayerEdit(access.readable("land_parcel"));
        if (indicator.gdp100mCny() == null || indicator.constructionLandHa() == null) {
            throw new InvalidParameterException("gdp100mCny", "Both gdp100mCny and constructionLandHa are needed");
        }
        rates.saveIndicator(year, indicator.gdp100mCny(), indicator.constructionLandHa());
        return indicator;
    }

    @GetMapping("/queries")
    List<SavedQueries.Saved> savedQueries() {
        return saved.list();
    }

    @GetMapping("/queries/{id}")
    SavedQueries.Saved savedQuery(@PathVariable long id) {
        return saved.get(id);
    }

    @PostMapping("/queries")
    SavedQueries.Saved saveQuery(@RequestBody NewSavedQuery query) {
        if (query.query() == null || !query.query().isObject()) {
            throw new InvalidParameterException("query", "A saved query holds the search as an object");
        }
        return saved.save(query.name(), query.query().toString());
    }

    @DeleteMapping("/queries/{id}")
    ResponseEntity<Void> deleteQuery(@PathVariable long id) {
        saved.delete(id);
        return ResponseEntity.noContent().build();
    }

}
