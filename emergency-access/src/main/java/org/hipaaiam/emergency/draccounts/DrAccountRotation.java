package org.hipaaiam.emergency.draccounts;

import org.hipaaiam.emergency.HipaaEvents;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

/**
 * Every sign-in of an emergency or disaster-recovery account alerts the Privacy Office at once and makes the
 * account set a new password before the sign-in completes, so the credential that was used (e.g. from a sealed
 * envelope) never works twice. Runs as a trigger after the realm's browser flow has verified the credentials.
 */
final class DrAccountRotation implements RequiredActionProvider {

    /** Set on the authentication session so the alert and the rotation happen once per sign-in. */
    static final String HANDLED_NOTE = "hipaa.drAccount.handled";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UserModel user = context.getUser();
        if (!EmergencyAccountType.isFlagged(user.getFirstAttribute(EmergencyAccountType.ATTRIBUTE))
                || context.getAuthenticationSession().getAuthNote(HANDLED_NOTE) != null) {
            return;
        }
        context.getAuthenticationSession().setAuthNote(HANDLED_NOTE, "true");
        user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION)
                .user(user)
                .detail(HipaaEvents.DETAIL, HipaaEvents.DR_SIGN_IN)
                .detail("custom_required_action", DrAccountRotationFactory.ID)
                .detail("account_type", user.getFirstAttribute(EmergencyAccountType.ATTRIBUTE))
                .detail("rotation", UserModel.RequiredAction.UPDATE_PASSWORD.name())
                .success();
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.success();
    }

    @Override
    public void processAction(RequiredActionContext context) {
        context.success();
    }

    @Override
    public void close() {
    }
}
