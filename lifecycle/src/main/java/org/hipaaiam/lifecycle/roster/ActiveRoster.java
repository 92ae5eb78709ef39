package org.hipaaiam.lifecycle.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hipaaiam.lifecycle.hrfeed.Refusal;

/** HR's list of active employees: `{"rosterId": "...", "employeeNumbers": ["4821", "7310"]}`. */
public record ActiveRoster(String rosterId, List<String> employeeNumbers) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMPLOYEE_NUMBER = Pattern.compile("\\d{4,10}");

    public static ActiveRoster parse(byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw malformed("body is not JSON");
        }
        if (json == null || !json.isObject() || !json.path("rosterId").isTextual() || !json.path("employeeNumbers").isArray()) {
            throw malformed("body must be {\"rosterId\": text, \"employeeNumbers\": [text, ...]}");
        }
        List<String> numbers = new ArrayList<>();
        for (JsonNode number : json.get("employeeNumbers")) {
            if (!number.isTextual() || !EMPLOYEE_NUMBER.matcher(number.asText()).matches()) {
                throw malformed("every employee number must be 4-10 digits as text");
            }
            numbers.add(number.asText());
        }
        return new ActiveRoster(json.get("rosterId").asText(), List.copyOf(numbers));
    }

    private static Refusal malformed(String message) {
        return new Refusal(Refusal.Reason.MALFORMED_REQUEST, message);
    }
}
