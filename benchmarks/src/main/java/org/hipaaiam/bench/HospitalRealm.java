package org.hipaaiam.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The realm file as a hospital's looks after a while: a few hundred registered workstations (each with its
 * network and its badge reader's public key) and a few thousand workforce accounts beside the demo users. The
 * workstations sit in 10.0.0.0/8, so the load's sign-ins from this machine take the password path, yet the
 * flow still has to look the registry up on every sign-in, as it does for a remote clinician.
 */
final class HospitalRealm {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HospitalRealm() {
    }

    static final String PASSWORD = "hipaa-demo-2026";
    private static final String[] SURNAMES = {"Garcia", "Okafor", "Nguyen", "Patel", "Kowalski", "Haddad", "Lindqvist", "Moreau",
        "Tanaka", "Brennan", "Adeyemi", "Rossi", "Schmidt", "Fernandes", "Novak", "Kim", "Walsh", "Mensah", "Ortiz", "Larsen"};

    /**
     * Adds `workstations` workstations and `users` accounts; the first `withPassword` accounts get the password
     * {@value #PASSWORD} and are returned, for the load to sign in as (one account per virtual user: Keycloak's
     * brute-force protector refuses a second concurrent sign-in of the same account).
     */
    static List<String> grow(ObjectNode realm, int workstations, int users, int withPassword) throws IOException {
        ObjectNode attributes = realm.with("attributes");
        for (int i = 0; i < workstations; i++) {
            ObjectNode workstation = JSON.createObjectNode()
                    .put("class", i % 10 == 0 ? "administrative" : i % 10 == 1 ? "mobile-cart" : "clinical")
                    .put("location", "Building " + (i / 100 + 1) + ", floor " + (i / 20 % 5 + 1) + ", bay " + i)
                    .put("network", "10." + (i / 250) + "." + (i % 250) + ".0/28")
                    .put("publicKey", readerKey());
            attributes.put("hipaa.workstations.ws-" + String.format("%04d", i), JSON.writeValueAsString(workstation));
        }
        ArrayNode accounts = realm.withArray("users");
        List<String> signingIn = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String employeeNumber = String.valueOf(500000 + i);
            String lastName = SURNAMES[i % SURNAMES.length];
            String username = (char) ('a' + i % 26) + lastName.toLowerCase(Locale.ROOT) + employeeNumber;
            ObjectNode user = accounts.addObject().put("username", username).put("enabled", true)
                    .put("firstName", "Staff").put("lastName", lastName).put("email", username + "@hospital.example")
                    .put("emailVerified", true);
            user.with("attributes").putArray("employeeNumber").add(employeeNumber);
            if (i % 3 == 0) {
                user.putArray("realmRoles").add("clinician");
            }
            if (signingIn.size() < withPassword) {
                user.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
                signingIn.add(username);
            }
        }
        return signingIn;
    }

    private static String readerKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            String encoded = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPublic().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + encoded + "\n-----END PUBLIC KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
