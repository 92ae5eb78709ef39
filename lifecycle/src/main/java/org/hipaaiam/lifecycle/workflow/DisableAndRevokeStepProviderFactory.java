package org.hipaaiam.lifecycle.workflow;

import java.util.Set;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.workflow.ResourceType;
import org.keycloak.models.workflow.WorkflowStepProviderFactory;

/**
 * Workflow step `hipaa-disable-user`: use it in Keycloak Workflows instead of the built-in `disable-user`,
 * which only clears the enabled flag. This one also ends every session at once, like the other disable paths.
 */
public final class DisableAndRevokeStepProviderFactory implements WorkflowStepProviderFactory<DisableAndRevokeStep> {

    public static final String ID = "hipaa-disable-user";

    @Override
    public DisableAndRevokeStep create(KeycloakSession session, ComponentModel model) {
        return new DisableAndRevokeStep(session);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<ResourceType> getSupportedResourceTypes() {
        return Set.of(ResourceType.USERS);
    }

    @Override
    public String getHelpText() {
        return "Disables the user and ends all their online and offline sessions, telling clients over the back channel.";
    }
}
