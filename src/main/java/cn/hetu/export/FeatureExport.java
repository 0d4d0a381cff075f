package cn.hetu.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import cn.hetu.catalog.Column;
import cn.hetu.catalog.ColumnType;
import cn.hetu.catalog.Condition;
import cn.hetu.catalog.Conditions;
import cn.hetu.catalog.Labels;
import cn.hetu.catalog.Labels.Language;
import cn.hetu.catalog.Layer;
import cn.hetu.county.County;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.Spreadsheets;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * Features of one collection as a file for people or for programs. For people (the default) every
 * column is headed by its name as the map shows it and coded values are their labels (Chinese, or
 * English on request); {@code labels=codes} keeps column names and codes for programs. Shapefile
 * columns take the documented names of at most 10 characters ({@code labels/labels.json}), never
 * GDAL's cut-off ones. CSV and XLSX are written here, guarded against formulas, with dates as
 * dates; the GIS formats go through GDAL from CSV whose columns the OGR select types (dates as dates).
 */
@Component
public class FeatureExport {

    /** A column of the export: a catalogue column (or one computed from it) and its SQL expression. */
    public record Field(Column column, String sql) {
    }

    /** The rows to export: {@code SELECT fields FROM from WHERE where ORDER BY orderBy}, geometry in 4490. */
    public record Rows(String from, String geometry, String where, List<Object> args, String orderBy) {

        /** Rows of the collection's own table, aliased {@code t}, in id order. */
        public static Rows of(Layer layer, Condition where) {
            return new Rows(quote(layer.id()) + " t", "t.geom", where.sql(), where.args(), "t.id");
        }

    }

    /** Names and values for people in one language, or the codes for programs. */
    public record Wording(Language language, boolean codes) {

        public static Wording of(String labels, Language language) {
            if (labels == null || labels.isBlank() || labels.equals("names")) {
                return new Wording(language, false);
            }
            if (labels.equals("codes")) {
                return new Wording(language, true);
            }
            throw new InvalidParameterException("labels", "labels is 'names' (the default: as the map shows them) or "
                    + "'codes' (column names and codes, for programs), not '" + labels + "'");
        }

    }

    private static final DateTimeFormatter SHAPEFILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final DateTimeFormatter GDAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSXXX");

    private static final JsonMapper JSON = JsonMapper.shared();

    private final GdalExport gdal;

    private final Labels labels;

    private final JdbcTemplate streaming;

    private final TransactionTemplate readOnly;

    private final County county;

    FeatureExport(GdalExport gdal, Labels labels, DataSource dataSource, PlatformTransactionManager transactions,
            County county) {
        this.county = county;
        this.gdal = gdal;
        this.labels = labels;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(2000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Every column of the collection, geometry aside, read from the table aliased {@code alias}. */
    public static List<Field> allColumns(Layer layer, String alias) {
        return layer.columns().stream().map(c -> new Field(c, Conditions.column(alias, c))).toList();
    }

    public void write(Layer layer, List<Field> fields, Rows rows, GdalExport.Options options, Wording wording,
            OutputStream out) throws IOException {
        String format = options.format().name();
        List<OutputColumn> columns = columns(layer, fields, wording, format.equals("shp"));
        switch (format) {
            case "csv" -> {
                List<String> header = new ArrayList<>(List.of("WKT"));
                columns.forEach(c -> header.add(c.name()));
                String wkt = "ST_AsText(ST_Transform(" + rows.geometry() + ", " + options.epsg() + "))";
                try (Spreadsheets.TableWriter writer = Spreadsheets.csvWriter(header, out)) {
                    query(fields, rows, wkt, rs -> {
                        List<Object> row = new ArrayList<>();
                        row.add(rs.getString(fields.size() + 1));
                        row.addAll(values(columns, rs, false));
                        writer.row(row);
                    });
                }
            }
            case "xlsx" -> {
                try (Spreadsheets.TableWriter writer = Spreadsheets.xlsxWriter(options.layerName(),
                        columns.stream().map(OutputColumn::name).toList(), out)) {
                    query(fields, rows, "NULL", rs -> writer.row(values(columns, rs, false)));
                }
            }
            default -> {
                boolean shapefile = format.equals("shp");
                GdalExport.Source source = new GdalExport.Source() {

                    @Override
                    public void writeGeoJson(Writer writer) throws IOException {
                        featureCollection(fields, columns, rows, options.layerName(), writer);
                    }

                    @Override
                    public void writeCsv(Writer writer) throws IOException {
                        table(fields, columns, rows, writer, shapefile);
                    }

                };
                gdal.write(source, options.withSource(typedSelect(columns, shapefile), layer.geometryType()), out);
            }
        }
    }

    /**
     * GDAL reads every CSV column as text: the select names each column's type. (A Shapefile has no
     * date-time: text there.)
     */
    private static String typedSelect(List<OutputColumn> columns, boolean shapefile) {
        List<String> select = new ArrayList<>();
        for (OutputColumn column : columns) {
            String name = ogrName(column.name());
            String type = switch (column.type()) {
                case DATE -> "date";
                case DATETIME -> shapefile ? null : "timestamp";
                case INTEGER -> "bigint";
                case NUMBER -> "float";
                case BOOLEAN -> column.codes() ? "boolean" : null;
                default -> null;
            };
            select.add(type == null ? name : "CAST(" + name + " AS " + type + ") AS " + name);
        }
        return "SELECT " + String.join(", ", select) + " FROM " + ogrName(GdalExport.SOURCE_LAYER);
    }

    private static String ogrName(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private void featureCollection(List<Field> fields, List<OutputColumn> columns, Rows rows, String layerName, Writer out)
            throws IOException {
        out.write("{\"type\":\"FeatureCollection\",\"name\":" + JSON.writeValueAsString(layerName) + ",\"features\":[\n");
        boolean[] first = { true };
        // Option 0: no "crs" member in each geometry (RFC 7946); the coordinates are lon/lat in CGCS2000.
        query(fields, rows, "ST_AsGeoJSON(" + rows.geometry() + ", 9, 0)", rs -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            List<Object> values = values(columns, rs, true);
            for (int i = 0; i < columns.size(); i++) {
                Object value = values.get(i);
                properties.put(columns.get(i).name(), value instanceof OffsetDateTime || value instanceof LocalDate
                        ? value.toString() : value);
            }
            String geometry = rs.getString(fields.size() + 1);
            out.write((first[0] ? "" : ",\n") + "{\"type\":\"Feature\",\"geometry\":" + (geometry == null ? "null" : geometry)
                    + ",\"properties\":" + JSON.writeValueAsString(properties) + "}");
            first[0] = false;
        });
        out.write("\n]}");
    }

    /** The rows as CSV for GDAL: a header, then the WKT geometry (empty: none) and every value as text (empty: null). */
    private void table(List<Field> fields, List<OutputColumn> columns, Rows rows, Writer out, boolean shapefile)
            throws IOException {
        out.write(GdalExport.GEOMETRY_COLUMN);
        for (OutputColumn column : columns) {
            out.write(',');
            out.write(csv(column.name()));
        }
        out.write('\n');
        query(fields, rows, "ST_AsText(" + rows.geometry() + ", 9)", rs -> {
            String wkt = rs.getString(fields.size() + 1);
            if (wkt != null) {
                out.write('"');
                out.write(wkt);
                out.write('"');
            }
            for (int i = 0; i < columns.size(); i++) {
                out.write(',');
                out.write(csv(text(value(columns.get(i), rs, i + 1, true), shapefile)));
            }
            out.write('\n');
        });
    }

    private String text(Object value, boolean shapefile) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean yes) {
            return yes ? "1" : "0";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof OffsetDateTime time) {
            // A Shapefile has no date-time type: county time as text there; elsewhere as GDAL reads a time with its offset.
            return shapefile ? SHAPEFILE_TIME.format(time.atZoneSameInstant(county.timeZone())) : GDAL_TIME.format(time);
        }
        return value.toString();
    }

    private static String csv(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private interface RowHandler {

        void handle(ResultSet rs) throws SQLException, IOException;

    }

    private void query(List<Field> fields, Rows rows, String geometry, RowHandler handler) {
        StringBuilder select = new StringBuilder("SELECT ");
        for (Field field : fields) {
            select.append(field.sql()).append(", ");
        }
        select.append(geometry).append(" FROM ").append(rows.from()).append(" WHERE ").append(rows.where())
            .append(" ORDER BY ").append(rows.orderBy());
        readOnly.executeWithoutResult(status -> streaming.query(select.toString(), rs -> {
            try {
                handler.handle(rs);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, rows.args().toArray()));
    }

    /** A column as written: its heading, its type and, for coded columns in words, code to label. */
    private record OutputColumn(String name, ColumnType type, Map<String, String> labels, Language language, boolean codes) {
    }

    private List<OutputColumn> columns(Layer layer, List<Field> fields, Wording wording, boolean shapefile) {
        List<OutputColumn> columns = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Field field : fields) {
            Column column = field.column();
            String name = shapefile ? shapefileName(column.name(), taken)
                    : wording.codes() ? column.name() : labels.header(layer, column, wording.language());
            Map<String, String> values = wording.codes() ? Map.of() : labels.values(layer.id(), column.name(), wording.language());
            columns.add(new OutputColumn(name, column.type(), values, wording.language(), wording.codes()));
        }
        return columns;
    }

    /** The documented short name, or for a column without one its first 10 characters made unique. */
    private String shapefileName(String column, Set<String> taken) {
        String chosen = labels.shapefileName(column);
        String base = chosen != null ? chosen : column;
        String name = base.length() <= 10 ? base : base.substring(0, 10);
        for (int n = 1; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "_" + n;
            name = base.substring(0, Math.min(base.length(), 10 - suffix.length())) + suffix;
        }
        return name;
    }

    private List<Object> values(List<OutputColumn> columns, ResultSet rs, boolean keepTimeZone) throws SQLException {
        List<Object> values = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            values.add(value(columns.get(i), rs, i + 1, keepTimeZone));
        }
        return values;
    }

    private Object value(OutputColumn column, ResultSet rs, int index, boolean keepTimeZone) throws SQLException {
        if (rs.getObject(index) == null) {
            return null;
        }
        return switch (column.type()) {
            case INTEGER -> rs.getLong(index);
            case NUMBER -> rs.getBigDecimal(index);
            case BOOLEAN -> column.codes() ? rs.getBoolean(index)
                    : labels.value("boolean", String.valueOf(rs.getBoolean(index)), column.language());
            case DATE -> rs.getObject(index, LocalDate.class);
            case DATETIME -> {
                OffsetDateTime time = rs.getObject(index, OffsetDateTime.class);
                yield keepTimeZone ? time : time.atZoneSameInstant(county.timeZone()).toLocalDateTime();
            }
            default -> {
                String text = rs.getString(index);
                yield column.labels().getOrDefault(text, text);
            }
        };
    }

}
