package cn.hetu.river;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.security.LayerAccess;

/** The phone's start: what the account patrols and inspects; and an asset's inspection history. */
@RestController
@RequestMapping("/api/v1")
class FieldWorkController {

    private final FieldWork fieldWork;

    private final Inspections inspections;

    private final RiverAccess river;

    private final LayerAccess access;

    FieldWorkController(FieldWork fieldWork, Inspections inspections, RiverAccess river, LayerAccess access) {
        this.fieldWork = fieldWork;
        this.inspections = inspections;
        this.river = river;
        this.access = access;
    }

    /** Replaces the grids and assets a field worker has for the types other than the river; 204. */
    @PutMapping("/chiefs/{id}/duties")
    ResponseEntity<Void> duties(@PathVariable long id, @RequestBody List<FieldWork.DutyOf> duties) {
        fieldWork.replaceDuties(id, duties);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me/field-work")
    FieldWork.Mine mine() {
        return fieldWork.mine();
    }

    /** The inspections of an asset, latest first: a warning station's last-seen status is the first. */
    @GetMapping("/inspections")
    List<Inspections.Done> inspections(@RequestParam String collection, @RequestParam long assetId) {
        river.requireReader();
        access.readable(collection);
        return inspections.ofAsset(collection, assetId);
    }

}
