package org.hipaaiam.it.lifecycle;

import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** Workforce accounts a test adds to the demo realm: a conventional username and HR's employee number. */
final class Employees {

    private Employees() {
    }

    static void create(ManagedRealm realm, String username, String employeeNumber) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setAttributes(Map.of("employeeNumber", List.of(employeeNumber)));
        realm.admin().users().create(user).close();
    }
}
