package org.hipaaiam.emergency.review;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV of case records, one column per {@link CaseRecord} component. Cells that a spreadsheet would run
 * as a formula (leading `=`, `+`, `-`, `@`, tab, CR) get a leading apostrophe, since justification and reason
 * texts are user input (CWE-1236).
 */
public final class CsvExport {

    private static final RecordComponent[] COLUMNS = CaseRecord.class.getRecordComponents();

    private CsvExport() {
    }

    public static String of(List<CaseRecord> records) {
        StringBuilder csv = new StringBuilder(Arrays.stream(COLUMNS).map(RecordComponent::getName).collect(Collectors.joining(",")))
                .append("\r\n");
        for (CaseRecord record : records) {
            csv.append(Arrays.stream(COLUMNS).map(column -> cell(value(record, column))).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static Object value(CaseRecord record, RecordComponent column) {
        try {
            return column.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException unreachable) {
            throw new IllegalStateException("record accessor " + column.getName(), unreachable);
        }
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
