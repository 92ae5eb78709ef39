package org.hipaaiam.it.support;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hipaaiam.testfixtures.Totp;

/**
 * Unused TOTP codes for repeated sign-ins of one user. The realm refuses a code used before, so each sign-in
 * takes another step inside the policy's window (one step back or ahead). Keycloak checks codes against the wall
 * clock, not its adjustable test clock, so moved server time does not change them.
 */
public final class OneTimeCodes {

    private static final Map<String, Set<Long>> USED = new ConcurrentHashMap<>();
    private static Object realmImport;

    private OneTimeCodes() {
    }

    /** A new import of the realm has new TOTP credentials, so the codes used with the previous one count no more. */
    public static synchronized void startOver(Object newRealmImport) {
        if (newRealmImport != realmImport) {
            USED.clear();
            realmImport = newRealmImport;
        }
    }

    /** A code for a user whose TOTP secret follows the demo pattern (`demo-otp-<username>`). */
    public static String next(String username) throws InterruptedException {
        Set<Long> used = USED.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet());
        while (true) {
            long step = System.currentTimeMillis() / 1000 / 30;
            for (long candidate = step - 1; candidate <= step + 1; candidate++) {
                if (used.add(candidate)) {
                    return Totp.at(DemoRealm.otpSecretOf(username), candidate);
                }
            }
            Thread.sleep(2000);
        }
    }
}
