package org.hipaaiam.lifecycle.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * HR's full roster: every employee number with its status. JSON
 * `{"type": "roster", "rosterId": "...", "employees": [{"employeeNumber": "4821", "status": "active"}, ...]}` (or the
 * short form `"employeeNumbers": [...]`, all active), or CSV with the header `employeeNumber,status` (the roster id
 * then comes with the request; the header, which no other HR body has, is its type).
 */
public record Roster(String rosterId, Map<String, Status> employees) {

    public enum Status { ACTIVE, LEAVE, TERMINATED }

    public static final String TYPE = "roster";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMPLOYEE_NUMBER = Pattern.compile("\\d{4,10}");
    private static final Pattern ROSTER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public static Roster parseJson(byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw malformed("body is not JSON");
        }
        if (json != null && json.isObject() && !TYPE.equals(json.path("type").asText(null))) {
            throw malformed("type must be \"roster\": every HR body names its type");
        }
        if (json == null || !json.isObject() || !json.path("rosterId").isTextual()
                || !(json.path("employees").isArray() || json.path("employeeNumbers").isArray())) {
            throw malformed("body must be {\"rosterId\": text, \"employees\": [{\"employeeNumber\": text, \"status\": text}, ...]}"
                    + " or {\"rosterId\": text, \"employeeNumbers\": [text, ...]}");
        }
        Map<String, Status> employees = new LinkedHashMap<>();
        for (JsonNode number : json.path("employeeNumbers")) {
            add(employees, number.isTextual() ? number.asText() : null, "active");
        }
        for (JsonNode employee : json.path("employees")) {
            add(employees, employee.path("employeeNumber").isTextual() ? employee.get("employeeNumber").asText() : null,
                    employee.path("status").isTextual() ? employee.get("status").asText() : null);
        }
        return new Roster(rosterId(json.get("rosterId").asText()), Map.copyOf(employees));
    }

    public static Roster parseCsv(String rosterId, byte[] body) {
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n");
        if (lines.length == 0 || !"employeeNumber,status".equals(lines[0].replace("\"", "").replace(" ", "").replace("\uFEFF", ""))) {
            throw malformed("CSV must start with the header line employeeNumber,status");
        }
        Map<String, Status> employees = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] fields = lines[i].replace("\"", "").split(",", -1);
            if (fields.length != 2) {
                throw malformed("CSV line " + (i + 1) + " must have two fields: employeeNumber,status");
            }
            add(employees, fields[0].trim(), fields[1].trim());
        }
        return new Roster(rosterId(rosterId), Map.copyOf(employees));
    }

    private static void add(Map<String, Status> employees, String number, String status) {
        if (number == null || !EMPLOYEE_NUMBER.matcher(number).matches()) {
            throw malformed("every employee number must be 4-10 digits as text");
        }
        Status parsed = parseStatus(status);
        if (employees.containsKey(number) && employees.get(number) != parsed) {
            throw malformed("employee " + number + " is listed twice with different statuses");
        }
        employees.put(number, parsed);
    }

    private static Status parseStatus(String status) {
        try {
            return Status.valueOf(String.valueOf(status).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw malformed("status must be active, leave or terminated");
        }
    }

    private static String rosterId(String id) {
        if (id == null || !ROSTER_ID.matcher(id).matches()) {
            throw malformed("rosterId must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        return id;
    }

    private static InvalidRoster malformed(String message) {
        return new InvalidRoster(message);
    }
}
