package org.hipaaiam.lifecycle.guard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * Guards Keycloak's admin REST API and SCIM before the endpoint runs: tokens of the HR system and of the SCIM
 * client only on their own API, no credential, role or group change through SCIM, and credentials and roles of
 * privileged accounts changed only by realm administrators. A refusal answers 403 (400 for an unreadable SCIM body)
 * with `{"error", "reason"}`, changes nothing and is audited. Keycloak runs JAX-RS filters of provider jars
 * (`@Provider`) at the endpoint's method, after its resource locators, on the request's worker thread.
 */
@Provider
public final class AdminApiGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        if (session == null) {
            return;
        }
        GuardedPath.of(request.getUriInfo().getPathSegments(true).stream().map(segment -> segment.getPath()).toList())
                .flatMap(path -> new GuardedRequest(session, request, path).refusal())
                .ifPresent(refusal -> request.abortWith(refusal.answer()));
    }
}
