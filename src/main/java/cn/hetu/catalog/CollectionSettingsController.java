package cn.hetu.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;

    CollectionSettingsController(Catalog catalog, JdbcClient jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    @PatchMapping("/{id}")
    Settings change(@PathVariable String id, @RequestBody Settings settings) {
        catalog.get(id);
        jdbc.sql("UPDATE collection SET public_read = ? WHERE id = ?").params(settings.publicRead(), id).update();
        catalog.refresh();
        return new Settings(catalog.get(id).publicRead());
    }

}
