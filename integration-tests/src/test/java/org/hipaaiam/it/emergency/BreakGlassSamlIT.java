package org.hipaaiam.it.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onelogin.saml2.authn.SamlResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.hipaaiam.it.support.PacsViewer;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/** The PACS viewer's SAML assertion states break-the-glass (XSPA purpose of use) while it lasts, and not after. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class BreakGlassSamlIT {

    static final String PURPOSE_OF_USE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectScene
    BreakGlassScene scene;

    @Test
    void assertionStatesBreakTheGlassOnlyWhileTheElevationLasts() throws Exception {
        // shorter than the session's idle lock (5 min), so the SSO session is reused after the elevation ends
        scene.setRealmAttribute("hipaa.breakGlass.elevationSeconds", "120");
        assertEquals("success", scene.clinician.elevate(DemoRealm.CLINICIAN, "Fracture, prior imaging needed now").params().get("kc_action_status"));

        SamlResponse elevated = PacsViewer.verify(realm.getBaseUrl(), viewerSignIn(), false);
        assertTrue(elevated.isValid(), String.valueOf(elevated.getError()));
        Map<String, List<String>> attributes = elevated.getAttributes();
        assertEquals(List.of("BTG"), attributes.get(PURPOSE_OF_USE), attributes.toString());
        assertTrue(attributes.containsKey("urn:hipaaiam:emergency-access:until"), attributes.toString());
        assertTrue(attributes.containsKey("urn:hipaaiam:emergency-access:case-id"));

        scene.serverClockAhead(Duration.ofSeconds(121));
        SamlResponse expired = PacsViewer.verify(realm.getBaseUrl(), viewerSignIn(), false);
        assertNull(expired.getAttributes().get(PURPOSE_OF_USE), "no assertion after the elevation's end states it");
        assertNull(expired.getAttributes().get("urn:hipaaiam:emergency-access:until"));
    }

    /** IdP-initiated sign-in to the viewer on the existing SSO session; returns the posted SAMLResponse. */
    private String viewerSignIn() throws Exception {
        try (PacsViewer viewer = PacsViewer.listen()) {
            viewer.open(scene.browser(), realm.getBaseUrl());
            return viewer.next().params().get("SAMLResponse");
        }
    }
}
