package cn.hetu.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.hetu.catalog.Labels;
import cn.hetu.catalog.Layer;
import cn.hetu.cql2.Cql2;
import cn.hetu.cql2.Cql2Exception;
import cn.hetu.cql2.Cql2Sql;
import cn.hetu.geo.Crs;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.ErrorCode;
import cn.hetu.system.InvalidParameterException;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * Any collection, whole or filtered by a bbox (lon/lat) and a CQL2 text filter, as a download in
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

    /** {@code labels}: names and values as the map shows them (default) or {@code codes}; {@code lang}: zh or en. */
    @GetMapping("/api/v1/collections/{id}/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String id, @RequestParam(required = false) String format,
            @RequestParam(required = false) String crs, @RequestParam(required = false) String encoding,
            @RequestParam(required = false) String bbox, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String labels, @RequestParam(required = false) String lang, Locale locale) {
        Layer layer = access.readable(id);
        GdalExport.Options options = new GdalExport.Options(GdalExport.format(format), GdalExport.epsg(crs),
                GdalExport.encoding(encoding), layer.id());
        FeatureExport.Wording wording = FeatureExport.Wording.of(labels, Labels.Language.of(lang, locale));
        List<Object> args = new ArrayList<>();
        String where = where(layer, access.rows(layer, "t"), bbox, filter, args);
        FeatureExport.Rows rows = new FeatureExport.Rows(quote(layer.id()) + " t", "t.geom", where, args, "t.id");
        String fileName = options.format().fileName(layer.id() + "-" + LocalDate.now());
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(options.format().mediaType()))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
            .body(out -> export.write(layer, FeatureExport.allColumns(layer, "t"), rows, options, wording, out));
    }

    /** The rows the reader reads, within the bbox and filter asked for. */
    private static String where(Layer layer, LayerAccess.RowScope scope, String bbox, String filter, List<Object> args) {
        List<String> clauses = new ArrayList<>(List.of(scope.sql()));
        args.addAll(scope.args());
        if (bbox != null && !bbox.isBlank()) {
            String[] parts = bbox.split(",");
            if (parts.length != 4) {
                throw new InvalidParameterException("bbox", "bbox is minLon,minLat,maxLon,maxLat");
            }
            try {
                for (String part : parts) {
                    args.add(Double.parseDouble(part.trim()));
                }
            }
            catch (NumberFormatException e) {
                throw new InvalidParameterException("bbox", "bbox is four numbers: minLon,minLat,maxLon,maxLat");
            }
            clauses.add("ST_Intersects(t.geom, ST_MakeEnvelope(?, ?, ?, ?, 4490))");
        }
        if (filter != null && !filter.isBlank()) {
            try {
                Cql2Sql.Condition condition = Cql2Sql.render(Cql2.parse(filter, Cql2.TEXT), layer, Crs.CRS84);
                clauses.add("(" + condition.sql() + ")");
                args.addAll(condition.args());
            }
            catch (Cql2Exception e) {
                throw new InvalidParameterException(ErrorCode.INVALID_FILTER, "filter", "filter " + e.getMessage());
            }
        }
        return String.join(" AND ", clauses);
    }

}
