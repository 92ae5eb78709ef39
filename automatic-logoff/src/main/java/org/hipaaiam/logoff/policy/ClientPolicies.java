package org.hipaaiam.logoff.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Idle policies of particular clients (the patient portal), written `clientId: policy; clientId: policy`.
 * A session started by such a client away from any registered workstation gets that client's policy.
 */
public final class ClientPolicies {

    private ClientPolicies() {
    }

    public static Map<String, IdlePolicy> parse(String text) {
        Map<String, IdlePolicy> policies = new LinkedHashMap<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("expected 'clientId: policy', got '" + entry.trim() + "'");
            }
            String clientId = entry.substring(0, colon).trim();
            IdlePolicy policy;
            try {
                policy = IdlePolicy.parse(entry.substring(colon + 1));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(clientId + ": " + bad.getMessage());
            }
            if (policies.put(clientId, policy) != null) {
                throw new IllegalArgumentException(clientId + " given twice");
            }
        }
        return Map.copyOf(policies);
    }

    public static String text(Map<String, IdlePolicy> policies) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(policies).forEach((clientId, policy) -> text.append(text.isEmpty() ? "" : "; ")
                .append(clientId).append(": ").append(policy.text()));
        return text.toString();
    }
}
