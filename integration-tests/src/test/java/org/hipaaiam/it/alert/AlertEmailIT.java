package org.hipaaiam.it.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.hipaaiam.events.alert.AlertSettings;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/** Alerts go out by e-mail through the realm's own SMTP settings, to a real SMTP server. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class AlertEmailIT {

    @InjectMailServer
    MailServer mail;

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @Test
    void privilegedRoleGrantIsMailedToTheSoc() throws Exception {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.getAttributes().put(AlertSettings.EMAIL_TO.key(), "soc@hospital.example");
        realm.admin().update(rep);

        String userId = realm.admin().users().search("tnguyen7310", true).get(0).getId();
        RoleRepresentation privacyOfficer = realm.admin().roles().get("privacy-officer").toRepresentation();
        realm.admin().users().get(userId).roles().realmLevel().add(List.of(privacyOfficer));

        assertTrue(mail.waitForIncomingEmail(20_000, 1), "an alert e-mail arrived");
        MimeMessage message = mail.getLastReceivedMessage();
        assertEquals("soc@hospital.example", message.getAllRecipients()[0].toString());
        assertTrue(message.getSubject().startsWith("[HIPAA alert]"), message.getSubject());
        String body = text(message.getContent());
        assertTrue(body.contains("privileged-role-grant") && body.contains("privacy-officer"), body);
    }

    private static String text(Object content) throws Exception {
        if (content instanceof Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                text.append(text(parts.getBodyPart(i).getContent()));
            }
            return text.toString();
        }
        return content.toString();
    }
}
