package cn.hetu.export;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.hetu.catalog.Condition;
import cn.hetu.catalog.Conditions;
import cn.hetu.catalog.Labels;
import cn.hetu.catalog.Layer;
import cn.hetu.query.ItemsFilter;
import cn.hetu.security.LayerAccess;

/**
 * Any collection, whole or filtered as a feature page is (bbox, datetime, CQL2, properties), as a download in
 * any export format and CRS, for people or for programs (see FeatureExport). Rows stream from the
 * database with a cursor, never all in memory.
 */
@RestController
class CollectionExportController {

    private final LayerAccess access;

    private final FeatureExport export;

    CollectionExportController(LayerAccess access, FeatureExport export) {
        this.access = access;
        this.export = export;
    }

    /** The parameters of an export beyond {@link ItemsFilter}'s ({@code crs} here is the file's EPSG code). */
    private static final Set<String> EXPORT_PARAMETERS = Set.of("format", "crs", "encoding", "labels", "lang");

    /**
     * {@code labels}: names and values as the map shows them (default) or {@code codes}; {@code lang}: zh or en;
     * which features: the parameters of a feature page (bbox, bbox-crs, datetime, filter, property filters).
     */
    @GetMapping("/api/v1/collections/{id}/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String id, @RequestParam(required = false) String format,
            @RequestParam(required = false) String crs, @RequestParam(required = false) String encoding,
            @RequestParam(required = false) String labels, @RequestParam(required = false) String lang,
            @RequestParam MultiValueMap<String, String> params, Locale locale) {
        Layer layer = access.readable(id);
        ItemsFilter filter = ItemsFilter.parse(layer, params, EXPORT_PARAMETERS);
        GdalExport.Options options = new GdalExport.Options(GdalExport.format(format), GdalExport.epsg(crs),
                GdalExport.encoding(encoding), layer.id());
        FeatureExport.Wording wording = FeatureExport.Wording.of(labels, Labels.Language.of(lang, locale));
        LayerAccess.RowScope scope = access.rows(layer, "t");
        Condition where = Conditions.where().add(scope.sql(), scope.args()).and(filter.where(layer)).build();
        FeatureExport.Rows rows = FeatureExport.Rows.of(layer, where);
        String fileName = options.format().fileName(layer.id() + "-" + LocalDate.now());
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(options.format().mediaType()))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
            .body(out -> export.write(layer, FeatureExport.allColumns(layer, "t"), rows, options, wording, out));
    }

}
