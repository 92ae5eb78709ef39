package org.hipaaiam.auth.badge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hipaaiam.auth.pin.BadgePinAuthenticatorFactory;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.common.ClientConnection;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Badge sign-in is a policy of the realms that enable the bundle's policies. Elsewhere, even with the bundle's
 * flow bound and badge networks set, the flow takes the password path and the badge steps do nothing.
 */
class BadgeSignInScopeTest {

    /** Every address is a badge network here, so only the realm's scope can keep badge sign-in away. */
    private static final Map<String, String> BADGE_EVERYWHERE = Map.of("hipaa.badge.networks", "0.0.0.0/0");

    private final List<String> calls = new ArrayList<>();
    private final ConditionalAuthenticator condition = new BadgeLocationConditionFactory().getSingleton();
    private final Authenticator tap = new BadgeTapAuthenticatorFactory().create(null);
    private final Authenticator pin = new BadgePinAuthenticatorFactory().create(null);

    @Test
    void outsideTheBundlesRealmsTheFlowTakesThePasswordPath() {
        for (Map<String, String> attributes : List.of(BADGE_EVERYWHERE, with(BundleScope.POLICIES_ENABLED, "false"), with(BundleScope.POLICIES_ENABLED, "yes"))) {
            assertFalse(condition.matchCondition(flow(attributes, false)), "badge path in " + attributes);
            assertTrue(condition.matchCondition(flow(attributes, true)), "password path in " + attributes);
        }
    }

    @Test
    void whereTheRealmEnablesThePoliciesABadgeNetworkGetsTheBadgePath() {
        Map<String, String> attributes = with(BundleScope.POLICIES_ENABLED, "true");
        assertTrue(condition.matchCondition(flow(attributes, false)));
        assertFalse(condition.matchCondition(flow(attributes, true)));
    }

    @Test
    void outsideTheBundlesRealmsTheTapStepShowsNoPageAndReadsNoTap() {
        tap.authenticate(flow(BADGE_EVERYWHERE, false));
        tap.action(flow(BADGE_EVERYWHERE, false));
        assertTrue(calls.contains("attempted"), calls.toString());
        assertFalse(calls.contains("challenge") || calls.contains("form"), "no tap page: " + calls);
        assertFalse(calls.contains("getHttpRequest") || calls.contains("setUser") || calls.contains("success"), "no tap read: " + calls);
    }

    @Test
    void outsideTheBundlesRealmsThePinStepChecksNoPinAndSwitchesNoWorkstation() {
        pin.authenticate(flow(BADGE_EVERYWHERE, false));
        pin.action(flow(BADGE_EVERYWHERE, false));
        assertTrue(calls.contains("attempted"), calls.toString());
        assertFalse(calls.contains("challenge") || calls.contains("getHttpRequest") || calls.contains("getUser")
                || calls.contains("attachUserSession") || calls.contains("success"), calls.toString());
    }

    @Test
    void whereTheRealmEnablesThePoliciesTheTapPageIsShown() {
        tap.authenticate(flow(with(BundleScope.POLICIES_ENABLED, "true"), false));
        assertTrue(calls.contains("challenge"), calls.toString());
        assertFalse(calls.contains("attempted"), calls.toString());
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> attributes = new HashMap<>(BADGE_EVERYWHERE);
        attributes.put(key, value);
        return attributes;
    }

    /** A sign-in from 10.1.2.3 to a realm with these attributes, at an execution whose `negate` is as given. */
    private AuthenticationFlowContext flow(Map<String, String> attributes, boolean negate) {
        RealmModel realm = Stub.of(RealmModel.class, calls, Map.of(
                "getAttribute", (Function<Object[], Object>) args -> attributes.get((String) args[0]),
                "getAttributes", attributes,
                "getName", "other",
                "getId", "other-id"));
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setConfig(Map.of("negate", Boolean.toString(negate)));
        return Stub.of(AuthenticationFlowContext.class, calls, Map.of(
                "getRealm", realm,
                "getSession", Stub.of(KeycloakSession.class, calls, Map.of()),
                "getConnection", Stub.of(ClientConnection.class, calls, Map.of("getRemoteAddr", "10.1.2.3")),
                "getAuthenticationSession", Stub.of(AuthenticationSessionModel.class, calls, Map.of()),
                "getAuthenticatorConfig", config,
                "form", Stub.of(LoginFormsProvider.class, calls, Map.of())));
    }
}
