package org.hipaaiam.it.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.hipaaiam.core.signature.RequestSignature;
import org.hipaaiam.events.alert.AlertSettings;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.SignInPage;
import org.hipaaiam.it.support.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** Alert rules fire on the real record stream and reach a real HTTP receiver, signed, retried until accepted. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class AlertWebhookIT {

    private static final int PORT = 8083;
    private static final String SECRET = "demo-webhook-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    @BeforeEach
    void pointAlertsAtTheReceiver() {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.getAttributes().put(AlertSettings.WEBHOOK_URL.key(), "http://127.0.0.1:" + PORT + "/alerts");
        rep.getAttributes().put(AlertSettings.WEBHOOK_SECRET.key(), SECRET);
        realm.admin().update(rep);
    }

    @Test
    void fiveFailedSignInsAlertTheSocWithASignedWebhook() throws Exception {
        try (WebhookReceiver soc = WebhookReceiver.listen(PORT)) {
            for (int attempt = 0; attempt < 5; attempt++) {
                SignInPage.openFresh(browser, realm.getBaseUrl()).submitPassword("tnguyen7310", "wrong-" + attempt);
            }
            WebhookReceiver.Delivery delivery = soc.next(20);

            assertTrue(RequestSignature.verify(SECRET, delivery.signature(), delivery.body(), System.currentTimeMillis() / 1000, 300) == RequestSignature.Verdict.VALID,
                    "HMAC signature over timestamp and body verifies");
            Map<?, ?> alert = JSON.readValue(delivery.body(), Map.class);
            assertEquals("failed-login-burst", alert.get("rule"));
            assertEquals("tnguyen7310", ((Map<?, ?>) alert.get("user")).get("username"));
            assertNotNull(delivery.deliveryId());

            AuditTrail.single(r -> Integer.valueOf(2004).equals(r.at("class_uid")) && alert.get("id").equals(r.at("finding_info.uid")));
        }
    }

    @Test
    void privilegedRoleGrantAlertIsRetriedUntilTheReceiverAcceptsIt() throws Exception {
        try (WebhookReceiver soc = WebhookReceiver.refusingFirstAttempts(PORT)) {
            String userId = realm.admin().users().search(DemoRealm.CLINICIAN, true).get(0).getId();
            RoleRepresentation iamAdmin = realm.admin().roles().get("iam-admin").toRepresentation();
            realm.admin().users().get(userId).roles().realmLevel().add(List.of(iamAdmin));

            WebhookReceiver.Delivery refused = nextOfRule(soc, "privileged-role-grant");
            assertEquals(503, refused.answeredWith());
            WebhookReceiver.Delivery retried = nextOfRule(soc, "privileged-role-grant");
            assertEquals(200, retried.answeredWith());
            assertEquals(refused.deliveryId(), retried.deliveryId(), "the same delivery, retried");
            Map<?, ?> alert = JSON.readValue(retried.body(), Map.class);
            assertTrue(((String) alert.get("title")).contains("iam-admin"));
        }
    }

    /** The next delivery of one rule's alerts; other alerts of the same realm may arrive in between. */
    private static WebhookReceiver.Delivery nextOfRule(WebhookReceiver soc, String rule) throws Exception {
        while (true) {
            WebhookReceiver.Delivery delivery = soc.next(20);
            if (rule.equals(JSON.readValue(delivery.body(), Map.class).get("rule"))) {
                return delivery;
            }
        }
    }
}
