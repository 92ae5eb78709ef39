package org.hipaaiam.it.emergency;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.testfixtures.Totp;

/**
 * Unused TOTP codes for repeated sign-ins of one demo user. The realm refuses a code used before, so each
 * sign-in takes another step inside the policy's window (one step back or ahead). Keycloak checks codes
 * against the wall clock, not its adjustable test clock, so moved server time does not change them.
 */
final class OneTimeCodes {

    private static final Map<String, Set<Long>> USED = new ConcurrentHashMap<>();

    private OneTimeCodes() {
    }

    static String next(String username) throws InterruptedException {
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
