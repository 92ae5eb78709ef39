package org.hipaaiam.emergency.justification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipaaiam.emergency.cases.BreakGlassCaseEntity;

/** What the justification page shows of a case, as plain strings; the template escapes every field. */
final class CaseView {

    private CaseView() {
    }

    static Map<String, String> of(BreakGlassCaseEntity entity) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("id", entity.getId());
        view.put("reasonCode", entity.getReasonCode());
        view.put("reasonText", entity.getReasonText());
        view.put("context", entity.getContext() == null ? "" : entity.getContext());
        view.put("startedAt", Instant.ofEpochSecond(entity.getStartedAt()).toString());
        view.put("dueAt", Instant.ofEpochSecond(entity.getDueAt()).toString());
        view.put("justification", entity.getJustification() == null ? "" : entity.getJustification());
        return view;
    }
}
