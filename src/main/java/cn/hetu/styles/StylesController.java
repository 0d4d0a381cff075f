package cn.hetu.styles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import tools.jackson.databind.ObjectMapper;

import cn.hetu.catalog.Labels;
import cn.hetu.catalog.Layer;
import cn.hetu.ogcapi.QueryParameters;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

/**
 * Each asset collection's map style, as the OGC API - Styles draft lays them out: one style, "hetu", as a
 * Mapbox GL style over the collection's vector tiles and as a QGIS QML for its feature layer.
 */
@RestController
class StylesController {

    static final String STYLE_ID = "hetu";

    static final String MAPBOX = "application/vnd.mapbox.style+json";

    static final String QML = "application/vnd.qgis.qml";

    private final LayerAccess access;

    private final Symbology symbology;

    private final Labels labels;

    private final ObjectMapper json;

    StylesController(LayerAccess access, Symbology symbology, Labels labels, ObjectMapper json) {
        this.access = access;
        this.symbology = symbology;
        this.labels = labels;
        this.json = json;
    }

    @GetMapping(path = "/ogc/collections/{collectionId}/styles", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> styles(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request, Locale locale) {
        QueryParameters.allowOnly(params, QueryParameters.DOCUMENT);
        Layer layer = styled(collectionId);
        String path = base(request) + "/ogc/collections/" + layer.id() + "/styles";
        Map<String, Object> style = new LinkedHashMap<>();
        style.put("id", STYLE_ID);
        style.put("title", layer.title(locale));
        style.put("links", List.of(link(path + "/" + STYLE_ID + "?f=mapbox", "stylesheet", MAPBOX, "Mapbox GL / MapLibre"),
                link(path + "/" + STYLE_ID + "?f=qml", "stylesheet", QML, "QGIS")));
        return Map.of("default", STYLE_ID, "styles", List.of(style),
                "links", List.of(link(path, "self", MediaType.APPLICATION_JSON_VALUE, "Styles")));
    }

    @GetMapping("/ogc/collections/{collectionId}/styles/{styleId}")
    ResponseEntity<String> style(@PathVariable String collectionId, @PathVariable String styleId,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request, Locale locale) {
        QueryParameters.allowOnly(params, Set.of("f", "lang"));
        Layer layer = styled(collectionId);
        if (!styleId.equals(STYLE_ID)) {
            throw new NotFoundException("Style '" + styleId + "' is not offered; " + layer.id() + " has the style " + STYLE_ID);
        }
        String format = params.getFirst("f") == null ? "mapbox" : params.getFirst("f");
        if (format.equals("qml")) {
            String column = layer.id().equals("land_parcel") ? "category" : "status";
            String qml = QmlStyle.of(layer.id(), layer.geometryType(), symbology,
                    labels.values(layer.id(), column, Labels.Language.of(params.getFirst("lang"), locale)));
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(QML + ";charset=UTF-8"))
                .header("Content-Disposition", "inline; filename=\"" + layer.id() + ".qml\"")
                .body(qml);
        }
        if (format.equals("mapbox")) {
            String tiles = base(request) + "/ogc/collections/" + layer.id() + "/tiles/WebMercatorQuad/{z}/{y}/{x}";
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(MAPBOX))
                .body(json.writeValueAsString(MapboxStyle.of(layer.id(), layer.geometryType(), layer.title(locale), tiles,
                        symbology)));
        }
        throw new InvalidParameterException("f", "Style format '" + format + "' is not offered; use f=mapbox or f=qml");
    }

    /** Readable asset collections: the river chief system's records are not drawn on the map. */
    private Layer styled(String collectionId) {
        Layer layer = access.readable(collectionId);
        if (layer.isRecord()) {
            throw new NotFoundException("Collection '" + collectionId + "' is not drawn on the map and has no style");
        }
        return layer;
    }

    private static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("rel", rel);
        link.put("type", type);
        link.put("title", title);
        return link;
    }

    private static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

}
