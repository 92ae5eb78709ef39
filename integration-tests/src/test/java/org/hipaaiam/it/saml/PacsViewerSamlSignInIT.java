package org.hipaaiam.it.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onelogin.saml2.authn.SamlResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.PacsViewer;
import org.hipaaiam.it.support.SignInPage;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * The demo SAML viewer receives a signed assertion for the clinician who signed in. The response is checked
 * the way a service provider would: OneLogin's java-saml, trusting only the realm's published metadata.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class PacsViewerSamlSignInIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    @Test
    void viewerReceivesASignedAssertionForTheClinician() throws Exception {
        String samlResponse = signInThroughTheViewer();

        SamlResponse response = PacsViewer.verify(realm.getBaseUrl(), samlResponse, true);
        assertTrue(response.isValid(), "response validates: " + response.getError());
        assertNull(response.getError());
        assertEquals(DemoRealm.CLINICIAN, response.getNameId());
        Map<String, List<String>> attributes = response.getAttributes();
        assertEquals(List.of(DemoRealm.CLINICIAN_EMPLOYEE_NUMBER), attributes.get("employeeNumber"));
        assertTrue(attributes.get("Role").contains("clinician"), attributes.toString());
    }

    @Test
    void alteredAssertionFailsVerification() throws Exception {
        String xml = new String(Base64.getDecoder().decode(signInThroughTheViewer()), StandardCharsets.UTF_8);
        assertTrue(xml.contains(">" + DemoRealm.CLINICIAN + "<"));
        String forged = xml.replace(">" + DemoRealm.CLINICIAN + "<", ">tnguyen7310<");

        SamlResponse response = PacsViewer.verify(realm.getBaseUrl(), Base64.getEncoder().encodeToString(forged.getBytes(StandardCharsets.UTF_8)), true);
        assertFalse(response.isValid(), "a changed NameID must break the signature");
        assertTrue(response.getError().toString().contains("ignature"), response.getError().toString());
    }

    /** IdP-initiated sign-in to the viewer; returns the SAMLResponse the browser posted to its ACS. */
    private String signInThroughTheViewer() throws Exception {
        try (PacsViewer viewer = PacsViewer.listen()) {
            viewer.open(browser, realm.getBaseUrl());
            SignInPage page = new SignInPage(browser.driver());
            if (page.isShown()) {
                page.signIn(DemoRealm.CLINICIAN);
            }
            CallbackReceiver.Received post = viewer.next();
            assertEquals("POST", post.method());
            return post.params().get("SAMLResponse");
        }
    }
}
