package cn.hetu.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Tables for people's spreadsheets: CSV in UTF-8 with a byte-order mark (so Excel shows Chinese
 * correctly) and XLSX written row by row, so a long table never sits in memory whole.
 *
 * <p>No cell can become a formula: a text cell that starts with {@code = + - @}, a tab or a
 * carriage return gets a leading apostrophe in CSV and the "quote prefix" style in XLSX (the cell
 * stays text when edited). Numbers are written as numbers, so a negative number stays a number.
 * Dates are date cells in XLSX and ISO text in CSV.
 */
public final class Spreadsheets {

    public static final String CSV = "text/csv;charset=UTF-8";

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows of one table, written as they come; {@link #close()} finishes the file (not the stream). */
    public interface TableWriter extends AutoCloseable {

        void row(List<?> values) throws IOException;

        @Override
        void close() throws IOException;

    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Spreadsheets() {
    }

    public static void csv(List<String> header, Iterable<List<Object>> rows, OutputStream out) throws IOException {
        try (TableWriter writer = csvWriter(header, out)) {
            for (List<Object> row : rows) {
                writer.row(row);
            }
        }
    }

    public static void xlsx(String sheetName, List<String> header, Iterable<List<Object>> rows, OutputStream out)
            throws IOException {
        try (TableWriter writer = xlsxWriter(sheetName, header, out)) {
            for (List<Object> row : rows) {
                writer.row(row);
            }
        }
    }

    /** Whether a spreadsheet would read this text as a formula (or a DDE command) when it opens the file. */
    public static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    public static TableWriter csvWriter(List<String> header, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        writeCsvLine(writer, header);
        return new TableWriter() {

            @Override
            public void row(List<?> values) throws IOException {
                writeCsvLine(writer, values);
            }

            @Override
            public void close() throws IOException {
                writer.flush();
            }

        };
    }

    public static TableWriter xlsxWriter(String sheetName, List<String> header, OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        Sheet sheet = workbook.createSheet(sheetName);
        CellStyle quoted = workbook.createCellStyle();
        quoted.setQuotePrefixed(true);
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        XlsxStyles styles = new XlsxStyles(quoted, date, dateTime);
        write(sheet.createRow(0), header, styles);
        return new TableWriter() {

            private int index = 1;

            @Override
            public void row(List<?> values) {
                write(sheet.createRow(index++), values, styles);
            }

            @Override
            public void close() throws IOException {
                try (workbook) {
                    workbook.write(out);
                }
            }

        };
    }

    private record XlsxStyles(CellStyle quoted, CellStyle date, CellStyle dateTime) {
    }

    private static void write(Row row, List<?> values, XlsxStyles styles) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            Cell cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            }
            else if (value instanceof Boolean bool) {
                cell.setCellValue(bool);
            }
            else if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(styles.date());
            }
            else if (value instanceof LocalDateTime time) {
                cell.setCellValue(time);
                cell.setCellStyle(styles.dateTime());
            }
            else if (value != null) {
                String text = value.toString();
                cell.setCellValue(text);
                if (looksLikeFormula(text)) {
                    cell.setCellStyle(styles.quoted());
                }
            }
        }
    }

    private static void writeCsvLine(Writer writer, List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(csvField(values.get(i)));
        }
        writer.write("\r\n");
    }

    private static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof LocalDateTime time ? DATE_TIME.format(time) : String.valueOf(value);
        if (!(value instanceof Number) && looksLikeFormula(text)) {
            text = "'" + text;
        }
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

}
