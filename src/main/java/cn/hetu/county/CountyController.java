package cn.hetu.county;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.security.LayerAccess;

/** The county profile: anyone reads it (it is what the map opens on); an administrator replaces it. */
@RestController
@RequestMapping("/api/v1/county")
class CountyController {

    private final County county;

    private final LayerAccess access;

    CountyController(County county, LayerAccess access) {
        this.county = county;
        this.access = access;
    }

    @GetMapping
    CountyProfile profile() {
        return county.profile();
    }

    /** The whole profile, as the profile file holds it (an administrator imports a file by sending it here). */
    @PutMapping
    CountyProfile replace(@RequestBody CountyProfile profile) {
        return county.replace(profile, access.requireUser().username());
    }

}
