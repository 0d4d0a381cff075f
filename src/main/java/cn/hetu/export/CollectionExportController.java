package cn.hetu.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.hetu.catalog.Layer;
import cn.hetu.cql2.Cql2;
import cn.hetu.cql2.Cql2Exception;
import cn.hetu.cql2.Cql2Sql;
import cn.hetu.geo.Crs;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.InvalidParameterException;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * Any collection, whole or filtered by a bbox (lon/lat) and a CQL2 text filter, as a download in
 * any export format and CRS. Rows stream from the database with a cursor, never all in memory.
 */
@RestController
class CollectionExportController {

    private final LayerAccess access;

    private final GdalExport export;

    private final JdbcTemplate streaming;

    private final TransactionTemplate readOnly;

    CollectionExportController(LayerAccess access, GdalExport export, DataSource dataSource,
            PlatformTransactionManager transactions) {
        this.access = access;
        this.export = export;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(2000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @GetMapping("/api/v1/collections/{id}/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String id, @RequestParam(required = false) String format,
            @RequestParam(required = false) String crs, @RequestParam(required = false) String encoding,
            @RequestParam(required = false) String bbox, @RequestParam(required = false) String filter) {
        Layer layer = access.readable(id);
        GdalExport.Options options = new GdalExport.Options(GdalExport.format(format), GdalExport.epsg(crs),
                GdalExport.encoding(encoding), layer.id());
        List<Object> args = new ArrayList<>();
        String where = where(layer, access.rows(layer, "t"), bbox, filter, args);
        String fileName = options.format().fileName(layer.id() + "-" + LocalDate.now());
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(options.format().mediaType()))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
            .body(out -> export.write(writer -> writeFeatures(layer, where, args, writer), options, out));
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
                throw new InvalidParameterException("filter", "filter " + e.getMessage());
            }
        }
        return String.join(" AND ", clauses);
    }

    private void writeFeatures(Layer layer, String where, List<Object> args, Writer out) throws IOException {
        write(out, "{\"type\":\"FeatureCollection\",\"features\":[\n");
        boolean[] first = { true };
        readOnly.executeWithoutResult(status -> streaming.query("""
                SELECT json_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.geom, 9)::json,
                                         'properties', to_jsonb(t) - 'geom')::text
                FROM %s t WHERE %s ORDER BY t.id""".formatted(quote(layer.id()), where), rs -> {
            write(out, (first[0] ? "" : ",\n") + rs.getString(1));
            first[0] = false;
        }, args.toArray()));
        write(out, "\n]}");
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
