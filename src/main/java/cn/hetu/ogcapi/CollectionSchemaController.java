package cn.hetu.ogcapi;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.hetu.catalog.CollectionSchema;
import cn.hetu.catalog.Labels;
import cn.hetu.catalog.Layer;
import cn.hetu.security.LayerAccess;

/** {@code /ogc/collections/{id}/schema}: the collection's description (OGC API - Features Part 5), for whoever may read it. */
@RestController
class CollectionSchemaController {

    private final LayerAccess access;

    private final CollectionSchema schema;

    CollectionSchemaController(LayerAccess access, CollectionSchema schema) {
        this.access = access;
        this.schema = schema;
    }

    @GetMapping(path = "/ogc/collections/{collectionId}/schema", produces = { "application/schema+json", "application/json" })
    Map<String, Object> schema(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request, Locale locale) {
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        String lang = params.getFirst("lang");
        Layer layer = access.readable(collectionId);
        String self = ServletUriComponentsBuilder.fromRequestUri(request).replaceQuery(null).toUriString();
        return schema.of(layer, self, Labels.Language.of(lang, locale));
    }

}
