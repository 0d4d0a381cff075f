package cn.hetu.river;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The kinds of field work: listed to everyone signed in, added and changed by administrators without code. */
@RestController
@RequestMapping("/api/v1/patrol-types")
class PatrolTypeController {

    private final PatrolTypes types;

    PatrolTypeController(PatrolTypes types) {
        this.types = types;
    }

    @GetMapping
    List<PatrolType> list() {
        return types.list();
    }

    @GetMapping("/{id}")
    PatrolType get(@PathVariable String id) {
        return types.one(id);
    }

    @PostMapping
    ResponseEntity<PatrolType> create(@RequestBody PatrolType type) {
        PatrolType created = types.create(type);
        return ResponseEntity.created(URI.create("/api/v1/patrol-types/" + created.id())).body(created);
    }

    /** Replaces a type's definition; {@code version} is the one read, 409 if someone changed it since. */
    @PutMapping("/{id}")
    PatrolType replace(@PathVariable String id, @RequestBody PatrolType type) {
        return types.replace(id, type);
    }

}
