package cn.hetu.enterprise;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

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
import cn.hetu.edit.FeatureBodies;
import cn.hetu.system.NotFoundException;

/** Enterprises (企业): list and watch list, detail, create, change, industrial chains, contacts and visits. */
@RestController
@RequestMapping("/api/v1/enterprises")
class EnterpriseController {

    record NewEnterprise(JsonNode properties, JsonNode location) {
    }

    private final Enterprises enterprises;

    private final County county;

    EnterpriseController(Enterprises enterprises, County county) {
        this.county = county;
        this.enterprises = enterprises;
    }

    /** {@code watch=true}: the 停减产 watch list, enterprises above scale whose production is reduced or halted. */
    @GetMapping
    Enterprises.Page list(@RequestParam(required = false) String chain, @RequestParam(required = false) String scale,
            @RequestParam(required = false) Boolean specialized, @RequestParam(required = false) Boolean highTech,
            @RequestParam(required = false) Boolean foreignTrade, @RequestParam(required = false) Boolean watch,
            @RequestParam(required = false) String town, @RequestParam(required = false) String q) {
        return enterprises.list(new Enterprises.Filter(chain, scale, specialized, highTech, foreignTrade, watch, town, q));
    }

    @GetMapping("/chains")
    List<Enterprises.Chain> chains() {
        return enterprises.chains();
    }

    @PutMapping("/chains/{code}")
    List<Enterprises.Chain> putChain(@PathVariable String code, @RequestBody Enterprises.ChainChange chain) {
        enterprises.putChain(code, chain);
        return enterprises.chains();
    }

    @GetMapping("/{id}")
    Enterprises.Summary detail(@PathVariable long id) {
        return enterprises.detail(id).orElseThrow(() -> new NotFoundException("Enterprise " + id + " does not exist"));
    }

    @PostMapping
    ResponseEntity<Enterprises.Summary> create(@RequestBody NewEnterprise enterprise) {
        long id = enterprises.create(FeatureBodies.properties(enterprise.properties(), "An enterprise"), enterprise.location());
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + id)).body(detail(id));
    }

    /** A JSON merge patch of {"properties": {...}, "geometry": ...}; properties.version must be the one read. */
    @PatchMapping("/{id}")
    Enterprises.Summary change(@PathVariable long id, @RequestBody JsonNode patch) {
        FeatureBodies.requireVersion(patch);
        enterprises.change(id, patch);
        return detail(id);
    }

    @GetMapping("/{id}/contacts")
    List<Enterprises.Contact> contacts(@PathVariable long id) {
        return enterprises.contacts(id);
    }

    @PostMapping("/{id}/contacts")
    ResponseEntity<List<Enterprises.Contact>> addContact(@PathVariable long id, @RequestBody Enterprises.NewContact contact) {
        enterprises.addContact(id, contact);
        return ResponseEntity.status(201).body(enterprises.contacts(id));
    }

    @GetMapping("/{id}/visits")
    List<Enterprises.Visit> visits(@PathVariable long id) {
        return enterprises.visits(id);
    }

    @PostMapping("/{id}/visits")
    ResponseEntity<List<Enterprises.Visit>> addVisit(@PathVariable long id, @RequestBody Enterprises.NewVisit visit) {
        enterprises.addVisit(id, visit, county.today());
        return ResponseEntity.status(201).body(enterprises.visits(id));
    }

    @PatchMapping("/{id}/visits/{visitId}")
    List<Enterprises.Visit> followUp(@PathVariable long id, @PathVariable long visitId,
            @RequestBody Enterprises.FollowUp change) {
        enterprises.followUp(id, visitId, change);
        return enterprises.visits(id);
    }

}
