package org.hipaaiam.lifecycle.identity;

import java.util.Optional;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.core.provider.GlobalEventListenerFactory;
import org.hipaaiam.lifecycle.revocation.DisableTrigger;
import org.hipaaiam.lifecycle.revocation.DisabledAccountEvents;
import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * `hipaa-scim-username-guard`, acting in realms where the bundle's policies apply. Keycloak 26.7's SCIM API
 * creates users without running the user-profile validators, so the username convention is enforced here: an
 * account SCIM creates with a name that breaks it is removed again in the creating transaction (it is never
 * stored) and the refusal is recorded as a `REGISTER_ERROR` event with error `username_convention` and the reason.
 */
public final class ScimUsernameGuardListenerFactory extends GlobalEventListenerFactory {

    public static final String ID = "hipaa-scim-username-guard";
    static final String ERROR = "username_convention";
    private static final Logger LOG = Logger.getLogger(ScimUsernameGuardListenerFactory.class);

    public ScimUsernameGuardListenerFactory() {
        super(ID);
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return onAdminEvents(event -> scimCreatedUserId(event).ifPresent(userId -> enforce(session, event.getRealmId(), userId)));
    }

    /** A user created through SCIM: admin event USER CREATE on `.../scim/v2/Users/{id}`. */
    static Optional<String> scimCreatedUserId(AdminEvent event) {
        String path = event.getResourcePath();
        if (event.getResourceType() != ResourceType.USER || event.getOperationType() != OperationType.CREATE || event.getError() != null
                || path == null || !path.toLowerCase().contains("scim/")) {
            return Optional.empty();
        }
        return DisabledAccountEvents.userIdIn(path);
    }

    private static void enforce(KeycloakSession session, String realmId, String userId) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (!BundleScope.policiesApply(realm)) {
            return;
        }
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            return;
        }
        WorkforceIdentifiers.problemWith(user.getUsername(), user.getFirstAttribute(WorkforceIdentifiers.EMPLOYEE_NUMBER)).ifPresent(problem -> {
            String username = user.getUsername();
            session.users().removeUser(realm, user);
            new EventBuilder(realm, session, session.getContext().getConnection())
                    .event(EventType.REGISTER_ERROR)
                    .detail(Details.USERNAME, username)
                    .detail(AuditDetails.REASON, "Username " + problem)
                    .detail(AuditDetails.SOURCE, DisableTrigger.SCIM.label())
                    .error(ERROR);
            LOG.warnf("Removed account %s created through SCIM in realm %s: username %s", userId, realm.getName(), problem);
        });
    }
}
