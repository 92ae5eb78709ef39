package org.hipaaiam.core.account;

import java.util.Optional;
import org.keycloak.models.UserModel;

/**
 * HR's employee number, the user attribute that ties one person's accounts together: the workforce account and the
 * separate `adm-` account (`jsmith4821`, `adm-jsmith4821`) carry the same number. Rules about people ("nobody
 * reviews their own case") compare people through it, not accounts.
 */
public final class EmployeeNumber {

    public static final String ATTRIBUTE = "employeeNumber";

    private EmployeeNumber() {
    }

    public static Optional<String> of(UserModel user) {
        String number = user == null ? null : user.getFirstAttribute(ATTRIBUTE);
        return number == null || number.isBlank() ? Optional.empty() : Optional.of(number.trim());
    }

    /** The same account, or two accounts of one person (the same employee number). */
    public static boolean samePerson(UserModel one, UserModel other) {
        if (one == null || other == null) {
            return false;
        }
        return one.getId().equals(other.getId()) || of(one).isPresent() && of(one).equals(of(other));
    }
}
