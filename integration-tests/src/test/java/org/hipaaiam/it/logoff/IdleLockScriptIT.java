package org.hipaaiam.it.logoff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.hipaaiam.it.badge.BadgeWard.Clinician;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HeadlessChromium;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.hipaaiam.it.support.Pkce;
import org.hipaaiam.it.support.SignInPage;
import org.hipaaiam.it.support.Tokens;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The idle-lock script on a clinical app's page in headless Chromium: a policy in seconds (browser timers do not
 * follow a moved server clock), the countdown, the lock covering the page, and the unlock inside the same session.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class IdleLockScriptIT {

    private static final int PAGE_PORT = 8094;
    private static final String PAGE_ORIGIN = "http://localhost:" + PAGE_PORT;

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    LogoffWard ward;

    @Test
    void theScriptCountsDownLocksThePageAndTheUserUnlocksInsideTheSameSession() throws Exception {
        ward.setRealmAttribute("hipaa.idle.unclassified", "lock=12s terminate=10m badge-leaves=lock");
        ward.allowWebOrigin(PAGE_ORIGIN);
        Clinician remote = ward.newClinician();
        ChromeDriver chromium = HeadlessChromium.start("idle-lock");
        HttpServer app = HttpServer.create(new InetSocketAddress("localhost", PAGE_PORT), 0);
        try {
            Pkce pkce = Pkce.create();
            chromium.get(ward.app.authorizationUrl(pkce, Map.of()));
            new SignInPage(chromium).signIn(remote.username());
            Tokens signedIn = Tokens.of(ward.app.redeem(ward.app.next().params().get("code"), pkce.verifier()));

            Pkce unlock = Pkce.create();
            String page = "<!doctype html><html><body><h1>Chart</h1><script type=\"module\">"
                    + "import { start } from \"" + realm.getBaseUrl() + "/hipaa-session/idle-lock.js\";"
                    + "start({ realmUrl: \"" + realm.getBaseUrl() + "\", accessToken: async () => \"" + signedIn.accessToken() + "\","
                    + " unlockUrl: \"" + ward.app.authorizationUrl(unlock, Map.of()) + "\", reportSeconds: 2 });"
                    + "</script></body></html>";
            app.createContext("/", exchange -> {
                byte[] body = page.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            app.start();
            chromium.get(PAGE_ORIGIN + "/");

            WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(30));
            wait.withMessage(() -> "the page showed: " + chromium.findElement(By.tagName("body")).getText());
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Your session locks in"));
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Session locked after inactivity."));
            chromium.findElement(By.id("hipaa-idle-unlock")).click();

            new SignInPage(chromium).signIn(remote.username());
            Tokens unlocked = Tokens.of(ward.app.redeem(ward.app.next().params().get("code"), unlock.verifier()));
            assertEquals(signedIn.id().getStringClaim("sid"), unlocked.id().getStringClaim("sid"), "unlocked, not signed in afresh");
        } finally {
            app.stop(0);
            chromium.quit();
        }
    }
}
