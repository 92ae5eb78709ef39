package org.hipaaiam.emergency.review;

import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV of case records. Cells that a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`,
 * tab, CR) get a leading apostrophe, since justification and reason texts are user input (CWE-1236).
 */
public final class CsvExport {

    private CsvExport() {
    }

    public static String of(List<Map<String, Object>> records) {
        StringBuilder csv = new StringBuilder(String.join(",", CaseRecord.FIELDS)).append("\r\n");
        for (Map<String, Object> record : records) {
            for (int i = 0; i < CaseRecord.FIELDS.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(cell(record.get(CaseRecord.FIELDS.get(i))));
            }
            csv.append("\r\n");
        }
        return csv.toString();
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
