package org.hipaaiam.it.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ForbiddenException;
import java.util.List;
import java.util.Map;
import org.hipaaiam.core.signature.RequestSignature;
import org.hipaaiam.core.signature.SignedRequest;
import org.hipaaiam.it.audit.AuditScene;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.hipaaiam.testfixtures.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/** Alert rules fire on the real record stream and reach a real HTTP receiver, signed, retried until accepted. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class AlertWebhookIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    AuditScene scene;

    @Test
    void fiveFailedSignInsAlertTheSocWithASignedWebhook() throws Exception {
        scene.socWebhook();
        for (int attempt = 0; attempt < 5; attempt++) {
            scene.openSignIn().submitPassword(DemoRealm.OTHER_CLINICIAN, "wrong-" + attempt);
        }
        WebhookReceiver.Delivery delivery = scene.nextAlert(20);

        assertTrue(delivery.signature().matches("t=[0-9]+,v2=[0-9a-f]{64}"), "signed with the v2 scheme: " + delivery.signature());
        long now = System.currentTimeMillis() / 1000;
        SignedRequest received = SignedRequest.to("POST", DemoRealm.NAME, delivery.target(), delivery.body());
        assertEquals(RequestSignature.Verdict.VALID, RequestSignature.verify(AuditScene.SOC_SECRET, delivery.signature(), received, now, 300),
                "HMAC signature over method, realm, path, query, timestamp and body verifies");
        SignedRequest asFromAnotherRealm = SignedRequest.to("POST", "clinic-b", delivery.target(), delivery.body());
        assertEquals(RequestSignature.Verdict.MISMATCH, RequestSignature.verify(AuditScene.SOC_SECRET, delivery.signature(), asFromAnotherRealm, now, 300),
                "the realm is signed: the alert cannot pass for another realm's");
        Map<?, ?> alert = AuditScene.alertOf(delivery);
        assertEquals("failed-login-burst", alert.get("rule"));
        assertEquals(DemoRealm.OTHER_CLINICIAN, ((Map<?, ?>) alert.get("user")).get("username"));
        assertNotNull(delivery.deliveryId());

        scene.trail().single(r -> Integer.valueOf(2004).equals(r.at("class_uid")) && alert.get("id").equals(r.at("finding_info.uid")));
    }

    @Test
    void privilegedRoleGrantAlertIsRetriedUntilTheReceiverAcceptsIt() throws Exception {
        scene.socWebhookRefusingFirstAttempts();
        String userId = realm.admin().users().search(DemoRealm.CLINICIAN, true).get(0).getId();
        RoleRepresentation iamAdmin = realm.admin().roles().get("iam-admin").toRepresentation();
        // Refused before it is made (privileged roles are for adm- accounts only); the attempt alerts.
        assertThrows(ForbiddenException.class, () -> realm.admin().users().get(userId).roles().realmLevel().add(List.of(iamAdmin)));

        WebhookReceiver.Delivery refused = scene.nextAlertOfRule("privileged-role-grant", 20);
        assertEquals(503, refused.answeredWith());
        WebhookReceiver.Delivery retried = scene.nextAlertOfRule("privileged-role-grant", 20);
        assertEquals(200, retried.answeredWith());
        assertEquals(refused.deliveryId(), retried.deliveryId(), "the same delivery, retried");
        Map<?, ?> alert = AuditScene.alertOf(retried);
        assertTrue(((String) alert.get("title")).contains("iam-admin"));
    }
}
