package org.hipaaiam.emergency.draccounts;

import org.hipaaiam.core.account.AccountKind;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.emergency.BreakGlassEvents;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

/**
 * Every sign-in of an emergency or disaster-recovery account alerts the Privacy Office at once and makes the
 * account set a new password before the sign-in completes, so the credential that was used (e.g. from a sealed
 * envelope) never works twice. Runs as a trigger after the realm's browser flow has verified the credentials,
 * in realms that enable the bundle's policies.
 */
final class DrAccountRotation implements RequiredActionProvider {

    /** Set on the authentication session so the alert and the rotation happen once per sign-in. */
    static final String HANDLED_NOTE = "hipaa.drAccount.handled";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UserModel user = context.getUser();
        AccountKind kind = AccountKind.of(user);
        if (!kind.isEmergencyReserve() || !BundleScope.policiesApply(context.getRealm())
                || context.getAuthenticationSession().getAuthNote(HANDLED_NOTE) != null) {
            return;
        }
        context.getAuthenticationSession().setAuthNote(HANDLED_NOTE, "true");
        user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION)
                .user(user)
                .detail(AuditDetails.HIPAA_EVENT, BreakGlassEvents.DR_SIGN_IN)
                .detail("custom_required_action", DrAccountRotationFactory.ID)
                .detail("account_type", kind.value())
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
