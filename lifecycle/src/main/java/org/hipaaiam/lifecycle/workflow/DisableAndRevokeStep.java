package org.hipaaiam.lifecycle.workflow;

import java.util.Map;
import org.hipaaiam.core.account.DisabledByLeave;
import org.hipaaiam.core.server.ServerSideRequest;
import org.hipaaiam.lifecycle.api.HrFeedResourceProviderFactory;
import org.hipaaiam.lifecycle.revocation.DisableTrigger;
import org.hipaaiam.lifecycle.revocation.SessionRevoker;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.workflow.WorkflowExecutionContext;
import org.keycloak.models.workflow.WorkflowStepProvider;

/** Disables the workflow's user and ends their sessions in the step's transaction. */
final class DisableAndRevokeStep implements WorkflowStepProvider {

    static final String DETAIL_WORKFLOW_STEP = "workflow_step";

    private final KeycloakSession session;

    DisableAndRevokeStep(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void run(WorkflowExecutionContext context) {
        RealmModel realm = session.getContext().getRealm();
        UserModel user = session.users().getUserById(realm, context.getResourceId());
        if (user == null) {
            return;
        }
        DisabledByLeave.disableForAnotherReason(user);
        // Steps scheduled for later run on the workflow runner's timer thread, which has no request.
        ServerSideRequest.enterIfNone(session.getContext(), HrFeedResourceProviderFactory.serverUrl(session));
        SessionRevoker.revoke(session, realm, user, DisableTrigger.WORKFLOW,
                Map.of(DETAIL_WORKFLOW_STEP, DisableAndRevokeStepProviderFactory.ID));
    }

    @Override
    public void close() {
    }
}
