package org.hipaaiam.it.api;

import java.util.List;
import org.hipaaiam.it.support.OidcDemoApp;
import org.hipaaiam.it.support.Scene;
import org.hipaaiam.it.support.Tokens;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * The people and programs that may hold a staff member's token: the demo clinical app (an app staff sign in to,
 * which receives their tokens), the bundle's admin tools, and service clients a test makes.
 */
final class ApiCallers extends Scene {

    private final OidcDemoApp clinicalApp;
    private final OidcDemoApp adminTools;

    ApiCallers(ManagedRealm realm, ManagedWebDriver browser, TimeOffSet clock) throws Exception {
        super(realm, browser, clock);
        this.clinicalApp = stopAfterTest(OidcDemoApp.listen(realm.getBaseUrl()));
        this.adminTools = stopAfterTest(OidcDemoApp.adminTools(realm.getBaseUrl()));
    }

    /** The access token the clinical app gets when this person signs in to it. */
    String clinicalAppTokenOf(String username) throws Exception {
        return Tokens.signIn(browser, clinicalApp, username).accessToken();
    }

    /** The access token the bundle's admin tools get when this person signs in to them. */
    String adminToolsTokenOf(String username) throws Exception {
        return Tokens.signIn(browser, adminTools, username).accessToken();
    }

    /**
     * A confidential client for this test whose tokens name `audience` and whose scope holds no role (removed after
     * the test); its service account holds the realm role `role`. Answers the client's id.
     */
    String serviceClientNaming(String clientId, String audience, String role) {
        ClientResource client = serviceClient(clientId, audience);
        ClientRepresentation rep = client.toRepresentation();
        rep.setFullScopeAllowed(false);
        client.update(rep);
        realm.admin().users().get(client.getServiceAccountUser().getId()).roles().realmLevel().add(List.of(realmRole(role)));
        return rep.getId();
    }

    /** Lets the client's tokens carry the realm role (a scope mapping). */
    void allowRoleInScope(String clientUuid, String role) {
        realm.admin().clients().get(clientUuid).getScopeMappings().realmLevel().add(List.of(realmRole(role)));
    }

    String userId(String username) {
        return realm.admin().users().search(username, true).get(0).getId();
    }

    private RoleRepresentation realmRole(String name) {
        return realm.admin().roles().get(name).toRepresentation();
    }
}
