package org.hipaaiam.core.production;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The published values of the demo realm (realm-export/demo-overlay.json): whoever has read the project knows
 * them, so a production server must hold none of them. Also an unresolved `${...}` placeholder in a client
 * secret: the variable was not set at import, and the literal placeholder became the secret.
 */
public final class DemoValues {

    /** The demo accounts; their passwords and TOTP seeds are published. */
    public static final Set<String> USERNAMES = Set.of("jsmith4821", "tnguyen7310", "mbrown5532", "adm-jsmith4821", "svc-epic-hl7",
            "adm-dreyes9001");
    /** Every published secret of the demo: client secrets, the HR signing secret, the test webhook secret. */
    private static final String DEMO_PREFIX = "demo-";
    private static final List<String> PUBLISHED = List.of("hipaa-demo-2026", "hipaa-demo-svc-2026");

    private DemoValues() {
    }

    /** Whether a secret, attribute value or file text holds a published demo value. */
    public static boolean isDemoSecret(String value) {
        if (value == null) {
            return false;
        }
        String trimmed = value.trim();
        return trimmed.startsWith(DEMO_PREFIX) || PUBLISHED.contains(trimmed);
    }

    public static boolean isUnresolvedPlaceholder(String secret) {
        return secret != null && secret.contains("${");
    }

    /** What a production server must not start with, worded for the operator who has to fix it. */
    public static final class Findings {

        private final List<String> found = new ArrayList<>();

        public void demoUser(String realm, String username) {
            found.add("realm " + realm + " has the demo account " + username);
        }

        public void clientSecret(String realm, String clientId, String secret) {
            if (isUnresolvedPlaceholder(secret)) {
                found.add("realm " + realm + ": client " + clientId + "'s secret is the unresolved placeholder " + secret
                        + " (set that environment variable before the first import)");
            } else if (isDemoSecret(secret)) {
                found.add("realm " + realm + ": client " + clientId + " has the published demo secret");
            }
        }

        public void realmAttribute(String realm, String key, String value) {
            if (isDemoSecret(value)) {
                found.add("realm " + realm + ": attribute " + key + " holds a published demo value");
            }
        }

        public void importFile(String file, String text) {
            if (text.contains("\"" + DEMO_PREFIX) || PUBLISHED.stream().anyMatch(text::contains)) {
                found.add("the import file " + file + " holds published demo values (use realm-export/hipaa-realm.json, not the demo realm)");
            }
        }

        public List<String> all() {
            return List.copyOf(found);
        }
    }
}
