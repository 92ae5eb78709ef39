package org.hipaaiam.lifecycle.identity;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hipaaiam.core.account.AccountKind;
import org.hipaaiam.core.account.EmployeeNumber;

/**
 * The reference hospital's unique user identification (164.312(a)(2)(i)): workforce accounts are first initial
 * + last name + employee number (`jsmith4821`), a person's privileged account is `adm-` + their workforce
 * username, service accounts are `svc-<application>-<function>`. Generic or shared names are refused.
 */
public final class WorkforceIdentifiers {

    /** The user attribute holding HR's employee number, shared by a person's workforce and `adm-` accounts. */
    public static final String EMPLOYEE_NUMBER = EmployeeNumber.ATTRIBUTE;

    private static final Pattern WORKFORCE = Pattern.compile("([a-z]{2,})(\\d{4,10})");
    private static final Pattern SERVICE = Pattern.compile(Pattern.quote(AccountKind.SERVICE_PREFIX) + "[a-z0-9]+(-[a-z0-9]+)+");
    /** Names that say what a station or a role is rather than who a person is (none is a common surname). */
    private static final Set<String> GENERIC_NAMES = Set.of("admin", "administrator", "root", "test", "tester", "guest", "user",
            "shared", "nurse", "nurses", "doctor", "physician", "clinic", "clinician", "frontdesk", "reception", "registration",
            "temp", "demo", "training", "workstation", "kiosk", "station", "pharmacy", "lab", "radiology", "icu", "staff",
            "team", "office", "support", "helpdesk");

    private WorkforceIdentifiers() {
    }

    /** Why the username breaks the convention, or empty when it follows it. */
    public static Optional<String> problemWith(String username, String employeeNumber) {
        String name = username == null ? "" : username.trim();
        // Keycloak names the users of clients' service accounts itself; people choose every other name.
        if (name.startsWith(AccountKind.KEYCLOAK_SERVICE_ACCOUNT_PREFIX) || SERVICE.matcher(name).matches()) {
            return Optional.empty();
        }
        String workforce = name.startsWith(AccountKind.PRIVILEGED_PREFIX) ? name.substring(AccountKind.PRIVILEGED_PREFIX.length()) : name;
        Matcher matcher = WORKFORCE.matcher(workforce);
        if (!matcher.matches()) {
            return Optional.of("must be first initial + last name + employee number (jsmith4821), adm- + that name, "
                    + "or svc-<application>-<function>");
        }
        if (GENERIC_NAMES.contains(matcher.group(1)) || GENERIC_NAMES.contains(matcher.group(1).substring(1))) {
            return Optional.of("is a generic or shared name; accounts identify one person");
        }
        if (employeeNumber != null && !employeeNumber.isBlank() && !matcher.group(2).equals(employeeNumber.trim())) {
            return Optional.of("must end with the account's employee number " + employeeNumber.trim());
        }
        return Optional.empty();
    }

    /** The same person may hold a workforce account and its `adm-` account under one employee number. */
    public static boolean samePerson(String username, String otherUsername) {
        return username.equals(otherUsername) || otherUsername.equals(AccountKind.PRIVILEGED_PREFIX + username)
                || username.equals(AccountKind.PRIVILEGED_PREFIX + otherUsername);
    }
}
