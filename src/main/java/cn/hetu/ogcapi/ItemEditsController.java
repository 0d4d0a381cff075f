package cn.hetu.ogcapi;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import cn.hetu.catalog.Layer;
import cn.hetu.edit.FeatureEdits;
import cn.hetu.geo.Crs;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.ErrorCode;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.Refusal;

/**
 * OGC API - Features Part 4: create by POST to the items, replace (PUT), update (JSON merge patch)
 * and delete a feature, with its version as ETag for optimistic concurrency ({@code If-Match}).
 */
@RestController
class ItemEditsController {

    private static final String ITEMS = "/ogc/collections/{collectionId}/items";

    private static final String ITEM = ITEMS + "/{featureId}";

    private final LayerAccess access;

    private final FeatureEdits edits;

    private final FeatureStore store;

    private final ObjectMapper json;

    ItemEditsController(LayerAccess access, FeatureEdits edits, FeatureStore store, ObjectMapper json) {
        this.access = access;
        this.edits = edits;
        this.store = store;
        this.json = json;
    }

    @PostMapping(path = ITEMS, consumes = { MediaTypes.GEOJSON, MediaTypes.JSON })
    ResponseEntity<String> create(@PathVariable String collectionId, @RequestBody JsonNode feature,
            HttpServletRequest request) {
        Layer layer = editable(collectionId);
        long id = edits.create(layer, feature);
        Links links = Links.of(request);
        return answer(ResponseEntity.created(URI.create(links.url("/ogc/collections/" + layer.id() + "/items/" + id))),
                layer, id, links);
    }

    @PutMapping(path = ITEM, consumes = { MediaTypes.GEOJSON, MediaTypes.JSON })
    ResponseEntity<String> replace(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestBody JsonNode feature, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            HttpServletRequest request) {
        Layer layer = editable(collectionId);
        long id = FeatureIds.require(layer, featureId);
        edits.replace(layer, id, feature, version(ifMatch));
        return answer(ResponseEntity.ok(), layer, id, Links.of(request));
    }

    @PatchMapping(path = ITEM, consumes = { "application/merge-patch+json", MediaTypes.JSON, MediaTypes.GEOJSON })
    ResponseEntity<String> update(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestBody JsonNode patch, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            HttpServletRequest request) {
        Layer layer = editable(collectionId);
        long id = FeatureIds.require(layer, featureId);
        edits.patch(layer, id, patch, version(ifMatch));
        return answer(ResponseEntity.ok(), layer, id, Links.of(request));
    }

    @DeleteMapping(path = ITEM)
    ResponseEntity<Void> delete(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Layer layer = editable(collectionId);
        edits.delete(layer, FeatureIds.require(layer, featureId), version(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<String> answer(ResponseEntity.BodyBuilder response, Layer layer, long id, Links links) {
        FeatureStore.StoredFeature feature = store.feature(layer, id, Crs.CRS84, access.rows(layer, "t")).orElseThrow();
        return response.contentType(MediaType.parseMediaType(MediaTypes.GEOJSON))
            .eTag(feature.etag())
            .header("Content-Crs", "<" + Crs.CRS84.uri() + ">")
            .body(FeatureDocument.withLinks(feature.json(), layer, String.valueOf(id), links, json));
    }

    /** The version in an If-Match header ({@code "3"}), or null for none or {@code *}. */
    static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(tag);
        }
        catch (NumberFormatException e) {
            throw new InvalidParameterException("If-Match", "If-Match must be an ETag this server gave, like \"3\"");
        }
    }

    /** Records of the river chief system are changed through its own API only. */
    private Layer editable(String collectionId) {
        Layer layer = access.readable(collectionId);
        if (layer.isRecord()) {
            throw new Refusal(ErrorCode.METHOD_NOT_ALLOWED,
                    "Collection '" + collectionId + "' is read-only here; it changes through /api/v1", null);
        }
        return layer;
    }

}
