package org.hipaaiam.core.vocabulary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A session's RFC 8176 `amr`: the values configured on the steps it completed, and what the fingerprint step proved
 * beside its configured `hwk` ({@link SessionNotes#PROVEN_AMR}), only while that step's `hwk` still counts.
 */
public final class ProvenAmr {

    private ProvenAmr() {
    }

    public static List<String> of(Collection<String> configured, String provenNote) {
        List<String> amr = new ArrayList<>(configured);
        if (provenNote != null && configured.contains(SessionNotes.PROVEN_AMR_WITH)) {
            for (String value : provenNote.trim().split("\\s+")) {
                if (!value.isEmpty() && !amr.contains(value)) {
                    amr.add(value);
                }
            }
        }
        return amr;
    }
}
