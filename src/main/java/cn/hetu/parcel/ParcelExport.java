package cn.hetu.parcel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.hetu.catalog.Column;
import cn.hetu.catalog.ColumnType;
import cn.hetu.catalog.Layer;
import cn.hetu.export.FeatureExport;
import cn.hetu.export.GdalExport;
import cn.hetu.system.InvalidParameterException;

/** Writes a parcel search result in any export format, in WGS84 or CGCS2000, UTF-8 Shapefiles. */
@Component
class ParcelExport {

    /** Output CRS: the coordinates are the same, CGCS2000 and WGS84 differ by centimetres here. */
    static final Map<String, Integer> CRS = Map.of("4326", 4326, "4490", 4490);

    /** The columns a planner's table carries, in this order; the area also in ha and 亩. */
    private static final List<String> COLUMNS = List.of("code", "name", "parcel_no", "category", "area_m2", "town",
            "land_use", "holder", "approval_no", "approved_on", "idle_since", "idle_cause", "disposal_method",
            "disposal_status", "disposed_on", "responsible_unit", "target_date", "version");

    private final FeatureExport export;

    ParcelExport(FeatureExport export) {
        this.export = export;
    }

    static int crs(String code) {
        Integer crs = CRS.get(code);
        if (crs == null) {
            throw new InvalidParameterException("crs", "crs is 4326 (WGS84) or 4490 (CGCS2000), not '" + code + "'");
        }
        return crs;
    }

    void write(Layer parcels, ParcelConditions.Sql sql, GdalExport.Format format, int crs, FeatureExport.Wording wording,
            OutputStream out) throws IOException {
        List<FeatureExport.Field> fields = new ArrayList<>();
        for (String name : COLUMNS) {
            Column column = parcels.column(name).orElseThrow();
            if (name.equals("area_m2")) {
                fields.add(new FeatureExport.Field(column, "round(p.area_m2::numeric, 1)"));
                fields.add(new FeatureExport.Field(new Column("area_ha", ColumnType.NUMBER, true, null),
                        "round((p.area_m2 / 10000)::numeric, 4)"));
                fields.add(new FeatureExport.Field(new Column("area_mu", ColumnType.NUMBER, true, null),
                        "round((p.area_m2 / " + ParcelConditions.SQUARE_METRES_PER_MU + ")::numeric, 2)"));
            }
            else {
                fields.add(new FeatureExport.Field(column, "p." + name));
            }
        }
        FeatureExport.Rows rows = new FeatureExport.Rows("land_parcel p", "p.geom", sql.where(), sql.args(), sql.orderBy());
        export.write(parcels, fields, rows, new GdalExport.Options(format, crs, "UTF-8", "parcels"), wording, out);
    }

}
