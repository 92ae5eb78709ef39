package org.hipaaiam.events.alert;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.signature.RequestSignature;
import org.hipaaiam.core.signature.SignatureHeader;
import org.hipaaiam.core.signature.SignedRequest;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Sends deliveries with the realm's current settings: webhooks signed with the realm's secret (vault
 * references resolved here, never stored) over method, realm name, the webhook URL's path and query, and the
 * body (scheme v2), e-mail through the realm's SMTP settings.
 */
public final class KeycloakAlertSender implements AlertDispatcher.Sender {

    private final KeycloakSessionFactory sessions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public KeycloakAlertSender(KeycloakSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean send(Delivery delivery) {
        AtomicBoolean accepted = new AtomicBoolean();
        KeycloakModelUtils.runJobInTransaction(sessions, session -> {
            RealmModel realm = session.realms().getRealm(delivery.realmId());
            if (realm == null) {
                // The realm is gone: nobody is left to tell; drop rather than retry forever.
                accepted.set(true);
                return;
            }
            RealmSettings realmSettings = RealmSettings.of(session, realm);
            AlertSettings settings = AlertSettings.of(realmSettings);
            accepted.set(switch (delivery.channel()) {
                case WEBHOOK -> settings.webhookUrl() == null || postWebhook(realm.getName(), realmSettings, settings, delivery);
                case EMAIL -> settings.emailTo() == null || sendEmail(session, realm, settings, delivery);
            });
        });
        return accepted.get();
    }

    private boolean postWebhook(String realmName, RealmSettings realmSettings, AlertSettings settings, Delivery delivery) {
        String secret = realmSettings.secret(AlertSettings.WEBHOOK_SECRET).orElse(null);
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.webhookUrl())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Hipaa-Delivery", delivery.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.alertJson()));
        if (secret != null) {
            SignedRequest signed = SignedRequest.to("POST", realmName, settings.webhookUrl(), delivery.alertJson());
            request.header(SignatureHeader.NAME, RequestSignature.sign(secret, System.currentTimeMillis() / 1000, signed));
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean sendEmail(KeycloakSession session, RealmModel realm, AlertSettings settings, Delivery delivery) {
        String text = new String(delivery.alertJson(), StandardCharsets.UTF_8);
        try {
            session.getProvider(EmailSenderProvider.class).send(realm.getSmtpConfig(), settings.emailTo(),
                    "[HIPAA alert] " + realm.getName(), text, null);
            return true;
        } catch (EmailException e) {
            return false;
        }
    }
}
