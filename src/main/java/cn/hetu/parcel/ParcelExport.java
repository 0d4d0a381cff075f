package cn.hetu.parcel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.hetu.export.GdalExport;
import cn.hetu.system.InvalidParameterException;

/** Writes a parcel search result in any export format, in WGS84 or CGCS2000, UTF-8 Shapefiles. */
@Component
class ParcelExport {

    /** Output CRS: the coordinates are the same, CGCS2000 and WGS84 differ by centimetres here. */
    static final Map<String, Integer> CRS = Map.of("4326", 4326, "4490", 4490);

    private final ParcelQueries queries;

    private final GdalExport export;

    ParcelExport(ParcelQueries queries, GdalExport export) {
        this.queries = queries;
        this.export = export;
    }

    static int crs(String code) {
        Integer crs = CRS.get(code);
        if (crs == null) {
            throw new InvalidParameterException("crs", "crs is 4326 (WGS84) or 4490 (CGCS2000), not '" + code + "'");
        }
        return crs;
    }

    void write(ParcelConditions.Sql sql, GdalExport.Format format, int crs, OutputStream out) throws IOException {
        export.write(writer -> queries.writeAll(sql, writer), new GdalExport.Options(format, crs, "UTF-8", "parcels"), out);
    }

}
