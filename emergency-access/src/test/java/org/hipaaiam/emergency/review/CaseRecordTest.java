package org.hipaaiam.emergency.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.hipaaiam.emergency.cases.BreakGlassCaseEntity;
import org.junit.jupiter.api.Test;

class CaseRecordTest {

    @Test
    void jsonHasEveryFieldInTheCsvOrderAndNullsForEmptyOnes() throws Exception {
        BreakGlassCaseEntity c = new BreakGlassCaseEntity();
        c.setId("case-1");
        c.setUsername("jsmith4821");
        c.setDueAt(20);
        // Keycloak's own JSON writer leaves out nulls; the record keeps them.
        JsonNode json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL).valueToTree(CaseRecord.of(c, 15));
        List<String> members = new ArrayList<>();
        json.fieldNames().forEachRemaining(members::add);
        assertEquals(String.join(",", members), CsvExport.of(List.of()).strip());
        assertEquals("open", json.get("status").asText());
        assertTrue(json.get("remindedAt").isNull());
        assertEquals(23, members.size());
    }
}
