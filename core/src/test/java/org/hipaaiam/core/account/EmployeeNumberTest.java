package org.hipaaiam.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;

class EmployeeNumberTest {

    @Test
    void aPersonsAdmAccountIsTheSamePerson() {
        UserModel officer = user("u-1", "5532");
        assertTrue(EmployeeNumber.samePerson(officer, user("u-2", "5532")), "adm-mbrown5532 is mbrown5532");
        assertTrue(EmployeeNumber.samePerson(officer, officer));
        assertFalse(EmployeeNumber.samePerson(officer, user("u-3", "4821")));
    }

    @Test
    void accountsWithoutANumberAreOnlyThemselves() {
        assertFalse(EmployeeNumber.samePerson(user("u-1", null), user("u-2", null)), "two service accounts are not one person");
        assertFalse(EmployeeNumber.samePerson(user("u-1", " "), user("u-2", " ")));
        assertTrue(EmployeeNumber.samePerson(user("u-1", null), user("u-1", null)));
        assertFalse(EmployeeNumber.samePerson(user("u-1", "5532"), null), "a deleted account is nobody");
    }

    @Test
    void theNumberIsReadTrimmed() {
        assertEquals(Optional.of("5532"), EmployeeNumber.of(user("u-1", " 5532 ")));
        assertEquals(Optional.empty(), EmployeeNumber.of(user("u-1", "")));
    }

    /** A user model answering only its id and employee number. */
    private static UserModel user(String id, String employeeNumber) {
        return (UserModel) Proxy.newProxyInstance(UserModel.class.getClassLoader(), new Class<?>[] {UserModel.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "getId" -> id;
                    case "getFirstAttribute" -> EmployeeNumber.ATTRIBUTE.equals(args[0]) ? employeeNumber : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
