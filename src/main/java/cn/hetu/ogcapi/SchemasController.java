package cn.hetu.ogcapi;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.hetu.catalog.CollectionSchema;
import cn.hetu.catalog.Labels;
import cn.hetu.catalog.Layer;
import cn.hetu.security.LayerAccess;

/**
 * {@code /api/v1/schemas}: the schema of every collection the user may read, by collection, in one answer, so that
 * the map learns every field, kind and coded value at start with one request instead of one per collection.
 */
@RestController
class SchemasController {

    private final LayerAccess access;

    private final CollectionSchema schema;

    SchemasController(LayerAccess access, CollectionSchema schema) {
        this.access = access;
        this.schema = schema;
    }

    @GetMapping("/api/v1/schemas")
    Map<String, Object> schemas(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
            Locale locale) {
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        Labels.Language language = Labels.Language.of(params.getFirst("lang"), locale);
        String base = ServletUriComponentsBuilder.fromContextPath(request).path("/ogc/collections/").toUriString();
        Map<String, Object> schemas = new LinkedHashMap<>();
        for (Layer layer : access.readableCollections()) {
            schemas.put(layer.id(), schema.of(layer, base + layer.id() + "/schema", language));
        }
        return schemas;
    }

}
