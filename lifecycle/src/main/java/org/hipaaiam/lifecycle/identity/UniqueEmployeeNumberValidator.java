package org.hipaaiam.lifecycle.identity;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * User-profile validator `hipaa-unique-employee-number` for `employeeNumber`: one person, one number. Only the
 * person's own workforce and `adm-` accounts may share it.
 */
public final class UniqueEmployeeNumberValidator extends AbstractStringValidator {

    public static final String ID = "hipaa-unique-employee-number";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected void doValidate(String employeeNumber, String inputHint, ValidationContext context, ValidatorConfig config) {
        AttributeContext attributes = UserProfileAttributeValidationContext.from(context).getAttributeContext();
        KeycloakSession session = context.getSession();
        UserModel self = attributes.getUser();
        String username = attributes.getAttributes().getFirst(UserModel.USERNAME);
        if (unchanged(self, employeeNumber.trim(), username)) {
            // Checked when the number or the name was last set; the profile check at each sign-in changes neither.
            return;
        }
        boolean taken = session.users()
                .searchForUserByUserAttributeStream(session.getContext().getRealm(), WorkforceIdentifiers.EMPLOYEE_NUMBER, employeeNumber.trim())
                .filter(holder -> self == null || !holder.getId().equals(self.getId()))
                .anyMatch(holder -> username == null || !WorkforceIdentifiers.samePerson(username, holder.getUsername()));
        if (taken) {
            context.addError(new ValidationError(ID, inputHint, "Employee number " + employeeNumber.trim()
                    + " already belongs to another person"));
        }
    }

    private static boolean unchanged(UserModel self, String employeeNumber, String username) {
        return self != null && employeeNumber.equals(self.getFirstAttribute(WorkforceIdentifiers.EMPLOYEE_NUMBER))
                && (username == null || username.equals(self.getUsername()));
    }
}
