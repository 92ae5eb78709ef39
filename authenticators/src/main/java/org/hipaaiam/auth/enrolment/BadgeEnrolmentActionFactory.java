package org.hipaaiam.auth.enrolment;

import org.hipaaiam.core.provider.StatelessFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/** `hipaa-badge-enrolment`: tap a badge and set a PIN after a full sign-in. */
public final class BadgeEnrolmentActionFactory implements RequiredActionFactory, StatelessFactory<RequiredActionProvider> {

    public static final String ID = "hipaa-badge-enrolment";
    private static final BadgeEnrolmentAction ACTION = new BadgeEnrolmentAction();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Enrol badge and PIN (HIPAA)";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return ACTION;
    }
}
