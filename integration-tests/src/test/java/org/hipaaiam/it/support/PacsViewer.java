package org.hipaaiam.it.support;

import com.onelogin.saml2.authn.SamlResponse;
import com.onelogin.saml2.http.HttpRequest;
import com.onelogin.saml2.settings.IdPMetadataParser;
import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.settings.SettingsBuilder;
import java.io.IOException;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * The demo SAML viewer (PACS) as a service provider: a real assertion consumer service receiving the browser's
 * POST, and OneLogin's java-saml checking the response against nothing but the realm's published metadata.
 */
public final class PacsViewer implements AutoCloseable {

    private final CallbackReceiver acs;

    private PacsViewer(CallbackReceiver acs) {
        this.acs = acs;
    }

    public static PacsViewer listen() throws IOException {
        return new PacsViewer(CallbackReceiver.listen(DemoRealm.SAML_APP_PORT, "/saml/acs"));
    }

    /** IdP-initiated sign-in to the viewer: the browser lands on the realm's sign-in or, on an SSO session, posts to the ACS. */
    public void open(ManagedWebDriver browser, String realmUrl) {
        browser.open(realmUrl + "/protocol/saml/clients/" + DemoRealm.SAML_CLIENT);
    }

    /** The next request the browser made to the ACS. */
    public CallbackReceiver.Received next() throws InterruptedException {
        return acs.next();
    }

    /**
     * A SAMLResponse as the viewer reads it, assertions signed; strict also checks destination, timing and audience
     * and wants the message signed.
     */
    public static SamlResponse verify(String realmUrl, String samlResponse, boolean strict) throws Exception {
        Map<String, Object> values = new HashMap<>(IdPMetadataParser.parseRemoteXML(new URL(realmUrl + "/protocol/saml/descriptor")));
        values.put("onelogin.saml2.strict", strict);
        values.put("onelogin.saml2.sp.entityid", DemoRealm.SAML_CLIENT);
        values.put("onelogin.saml2.sp.assertion_consumer_service.url", DemoRealm.SAML_ACS_URL);
        values.put("onelogin.saml2.security.want_assertions_signed", true);
        if (strict) {
            values.put("onelogin.saml2.security.want_messages_signed", true);
        }
        Saml2Settings settings = new SettingsBuilder().fromValues(values).build();
        return new SamlResponse(settings, new HttpRequest(DemoRealm.SAML_ACS_URL, Map.of("SAMLResponse", List.of(samlResponse)), null));
    }

    @Override
    public void close() {
        acs.close();
    }
}
