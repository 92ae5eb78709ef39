package org.hipaaiam.auth.badge;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** A page of the badge flow: needs no user beforehand (the tap finds one), nothing to configure per user. */
public abstract class BadgeFlowStep implements Authenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(page(context, null));
    }

    /** The step's page, with the theme message `error` when not null. */
    protected abstract Response page(AuthenticationFlowContext context, String error);

    protected static Response render(LoginFormsProvider form, String template, String error) {
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(template);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
