package cn.hetu.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Tables for people's spreadsheets: CSV in UTF-8 with a byte-order mark (so Excel shows Chinese
 * correctly) and XLSX written row by row, so a long table never sits in memory whole.
 */
public final class Spreadsheets {

    public static final String CSV = "text/csv;charset=UTF-8";

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Spreadsheets() {
    }

    public static void csv(List<String> header, Iterable<List<Object>> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        writeCsvLine(writer, header);
        for (List<Object> row : rows) {
            writeCsvLine(writer, row);
        }
        writer.flush();
    }

    public static void xlsx(String sheetName, List<String> header, Iterable<List<Object>> rows, OutputStream out)
            throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(sheetName);
            write(sheet.createRow(0), header);
            int index = 1;
            for (List<Object> row : rows) {
                write(sheet.createRow(index++), row);
            }
            workbook.write(out);
        }
    }

    private static void write(Row row, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            Cell cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            }
            else if (value != null) {
                cell.setCellValue(value.toString());
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
        String text = String.valueOf(value);
        // A leading = + - @ would make a spreadsheet run the cell as a formula.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

}
