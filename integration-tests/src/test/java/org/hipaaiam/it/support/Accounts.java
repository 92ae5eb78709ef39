package org.hipaaiam.it.support;

import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Accounts a test creates for itself. Each gets an employee number no other test of the run uses (and, by the
 * realm's naming convention, a username ending with it), so no test finds another test's account, audit records
 * or alerts, whatever order the classes run in.
 */
public final class Accounts {

    /** An account as created: its id, its username and the employee number the username ends with. */
    public record Account(String id, String username, String employeeNumber) {
    }

    /** Above every number the shipped realm and the tests name literally. */
    private static final AtomicInteger LAST_EMPLOYEE_NUMBER = new AtomicInteger(610_000);

    private Accounts() {
    }

    public static String newEmployeeNumber() {
        return Integer.toString(LAST_EMPLOYEE_NUMBER.incrementAndGet());
    }

    /** A person who signs in like the demo users: the demo password and a TOTP authenticator (`demo-otp-<username>`). */
    public static Account withPasswordAndOtp(ManagedRealm realm, String initialAndSurname) {
        String number = newEmployeeNumber();
        String username = initialAndSurname + number;
        UserRepresentation user = person(username, number);
        user.setFirstName("Test");
        user.setLastName("Clinician");
        user.setEmail(username + "@hospital.example");
        user.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(DemoRealm.DEMO_PASSWORD);
        password.setTemporary(false);
        CredentialRepresentation otp = new CredentialRepresentation();
        otp.setType(CredentialRepresentation.TOTP);
        otp.setSecretData("{\"value\": \"" + DemoRealm.otpSecretOf(username) + "\"}");
        otp.setCredentialData("{\"subType\": \"totp\", \"digits\": 6, \"counter\": 0, \"period\": 30, \"algorithm\": \"HmacSHA1\"}");
        user.setCredentials(List.of(password, otp));
        return create(realm, user);
    }

    /** A person's account without credentials, with any further attributes (such as `accountType`). */
    public static Account withoutCredentials(ManagedRealm realm, String initialAndSurname, Map<String, String> attributes) {
        String number = newEmployeeNumber();
        UserRepresentation user = person(initialAndSurname + number, number);
        attributes.forEach((name, value) -> user.getAttributes().put(name, List.of(value)));
        return create(realm, user);
    }

    private static UserRepresentation person(String username, String employeeNumber) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setAttributes(new HashMap<>(Map.of("employeeNumber", List.of(employeeNumber))));
        return user;
    }

    private static Account create(ManagedRealm realm, UserRepresentation user) {
        try (Response response = realm.admin().users().create(user)) {
            if (response.getStatus() != 201) {
                throw new AssertionError("cannot create " + user.getUsername() + ": " + response.readEntity(String.class));
            }
        }
        String id = realm.admin().users().search(user.getUsername(), true).get(0).getId();
        return new Account(id, user.getUsername(), user.getAttributes().get("employeeNumber").get(0));
    }
}
