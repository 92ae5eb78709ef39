package org.hipaaiam.lifecycle.identity;

import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/** User-profile validator `hipaa-username-convention` for the `username` attribute. */
public final class UsernameConventionValidator extends AbstractStringValidator {

    public static final String ID = "hipaa-username-convention";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected void doValidate(String username, String inputHint, ValidationContext context, ValidatorConfig config) {
        String employeeNumber = UserProfileAttributeValidationContext.from(context).getAttributeContext().getAttributes()
                .getFirst(WorkforceIdentifiers.EMPLOYEE_NUMBER);
        WorkforceIdentifiers.problemWith(username, employeeNumber)
                .ifPresent(problem -> context.addError(new ValidationError(ID, inputHint, "Username " + problem)));
    }
}
