package org.hipaaiam.it.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onelogin.saml2.authn.SamlResponse;
import com.onelogin.saml2.http.HttpRequest;
import com.onelogin.saml2.settings.IdPMetadataParser;
import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.settings.SettingsBuilder;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** The PACS viewer's SAML assertion states break-the-glass (XSPA purpose of use) while it lasts, and not after. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class BreakGlassSamlIT {

    static final String PURPOSE_OF_USE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    private CallbackReceiver app;

    @BeforeEach
    void start() throws Exception {
        app = CallbackReceiver.listen(DemoRealm.OIDC_APP_PORT, "/callback");
    }

    @AfterEach
    void stop() {
        timeOffSet.set(0);
        app.close();
    }

    @Test
    void assertionStatesBreakTheGlassOnlyWhileTheElevationLasts() throws Exception {
        PrivacyOffice.setRealmAttribute(realm, "hipaa.breakGlass.elevationSeconds", "300");
        BreakGlassBrowser clinician = new BreakGlassBrowser(browser, realm.getBaseUrl());
        clinician.forgetSessions();
        assertEquals("success", clinician.elevate(app, DemoRealm.CLINICIAN, "Fracture, prior imaging needed now").params().get("kc_action_status"));

        SamlResponse elevated = verified(viewerSignIn());
        assertTrue(elevated.isValid(), String.valueOf(elevated.getError()));
        Map<String, List<String>> attributes = elevated.getAttributes();
        assertEquals(List.of("BTG"), attributes.get(PURPOSE_OF_USE), attributes.toString());
        assertTrue(attributes.containsKey("urn:hipaaiam:emergency-access:until"), attributes.toString());
        assertTrue(attributes.containsKey("urn:hipaaiam:emergency-access:case-id"));

        timeOffSet.set(301);
        SamlResponse expired = verified(viewerSignIn());
        assertNull(expired.getAttributes().get(PURPOSE_OF_USE), "no assertion after the elevation's end states it");
        assertNull(expired.getAttributes().get("urn:hipaaiam:emergency-access:until"));
    }

    /** IdP-initiated sign-in to the viewer on the existing SSO session; returns the posted SAMLResponse. */
    private String viewerSignIn() throws Exception {
        try (CallbackReceiver acs = CallbackReceiver.listen(DemoRealm.SAML_APP_PORT, "/saml/acs")) {
            browser.open(realm.getBaseUrl() + "/protocol/saml/clients/" + DemoRealm.SAML_CLIENT);
            return acs.next().params().get("SAMLResponse");
        }
    }

    private SamlResponse verified(String samlResponse) throws Exception {
        Map<String, Object> values = new HashMap<>(IdPMetadataParser.parseRemoteXML(new URL(realm.getBaseUrl() + "/protocol/saml/descriptor")));
        values.put("onelogin.saml2.strict", false);
        values.put("onelogin.saml2.sp.entityid", DemoRealm.SAML_CLIENT);
        values.put("onelogin.saml2.sp.assertion_consumer_service.url", DemoRealm.SAML_ACS_URL);
        values.put("onelogin.saml2.security.want_assertions_signed", true);
        Saml2Settings settings = new SettingsBuilder().fromValues(values).build();
        return new SamlResponse(settings, new HttpRequest(DemoRealm.SAML_ACS_URL, Map.of("SAMLResponse", List.of(samlResponse)), null));
    }
}
