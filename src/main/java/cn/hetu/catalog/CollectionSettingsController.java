package cn.hetu.catalog;

import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators open a collection to anonymous reading, or close it again. */
@RestController
@RequestMapping("/api/v1/collections")
class CollectionSettingsController {

    record Settings(boolean publicRead) {
    }

    private final Catalog catalog;

    CollectionSettingsController(Catalog catalog) {
        this.catalog = catalog;
    }

    @PatchMapping("/{id}")
    Settings change(@PathVariable String id, @RequestBody Settings settings) {
        catalog.changePublicRead(catalog.get(id), settings.publicRead());
        return new Settings(catalog.get(id).publicRead());
    }

}
