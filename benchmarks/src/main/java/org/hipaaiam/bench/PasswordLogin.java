package org.hipaaiam.bench;

import java.io.IOException;
import java.util.Map;

/** One complete browser sign-in of the demo app with username and password, as a fresh browser does it. */
final class PasswordLogin {

    private final String realmUrl;
    private final String clientAddress;

    PasswordLogin(String realmUrl) {
        this(realmUrl, null);
    }

    /** Sign-ins seen as coming from `clientAddress` (X-Forwarded-For), or from this machine when null. */
    PasswordLogin(String realmUrl, String clientAddress) {
        this.realmUrl = realmUrl;
        this.clientAddress = clientAddress;
    }

    /** Signs in once; throws if any step does not answer as a successful sign-in does. */
    void run(String username, String password) throws IOException, InterruptedException {
        new DemoAppBrowser(realmUrl, clientAddress).open().finish("kc-form-login", Map.of("username", username, "password", password));
    }
}
