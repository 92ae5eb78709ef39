package org.hipaaiam.it.support;

/** Facts of the shipped realm export that the tests rely on; each is documented in the README. */
public final class DemoRealm {

    public static final String JSON = "/hipaa-realm-demo.json";
    public static final String NAME = "hipaa";
    public static final String DEMO_PASSWORD = "hipaa-demo-2026";

    public static final String CLINICIAN = "jsmith4821";
    public static final String CLINICIAN_EMPLOYEE_NUMBER = "4821";
    /** The same person's privileged account: realm-admin through the `iam-admin` role. */
    public static final String IAM_ADMIN = "adm-jsmith4821";
    public static final String OTHER_CLINICIAN = "tnguyen7310";
    public static final String PRIVACY_OFFICER = "mbrown5532";

    /** The HR system's service account (client credentials). */
    public static final String HR_FEED = "hr-feed";
    public static final String HR_FEED_SECRET = "demo-hr-feed-secret";

    public static final String OIDC_CLIENT = "clinical-app";
    public static final String OIDC_CLIENT_SECRET = "demo-clinical-app-secret";
    public static final int OIDC_APP_PORT = 8081;
    public static final String OIDC_REDIRECT_URI = "http://localhost:8081/callback";

    /**
     * The bundle's own admin tools: a public client (PKCE) whose tokens name the bundle's APIs; its redirect URI is
     * the loopback address on any port (RFC 8252), so a tool on an admin's machine listens where it likes.
     */
    public static final String ADMIN_TOOLS_CLIENT = "hipaa-admin-tools";
    public static final int ADMIN_TOOLS_PORT = 8086;
    public static final String ADMIN_TOOLS_REDIRECT_URI = "http://127.0.0.1:8086/callback";

    public static final String SAML_CLIENT = "pacs-viewer";
    public static final int SAML_APP_PORT = 8082;
    public static final String SAML_ACS_URL = "http://localhost:8082/saml/acs";

    private DemoRealm() {
    }

    /** Demo TOTP secrets follow one pattern: `demo-otp-<username>`. */
    public static String otpSecretOf(String username) {
        return "demo-otp-" + username;
    }
}
