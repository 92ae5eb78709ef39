package org.hipaaiam.launcher;

/** What a newcomer needs once the server is up: where to go and which demo accounts exist. */
final class ReadyBanner {

    static final String DEMO_PASSWORD = "hipaa-demo-2026";

    private ReadyBanner() {
    }

    static String render(LauncherSettings settings, AdminCredentials admin) {
        String base = "http://localhost:" + settings.httpPort();
        return String.join("\n",
                "",
                "==================================================================================",
                " HIPAA Keycloak bundle is running (development mode, state in " + settings.stateDir() + ")",
                "",
                " Master admin console : " + base + "/admin/master/console/",
                "   user " + admin.username() + ", password in " + AdminCredentials.file(settings.stateDir()),
                " hipaa realm console  : " + base + "/admin/hipaa/console/  (adm-jsmith4821)",
                " Account console      : " + base + "/realms/hipaa/account/",
                "",
                " Demo accounts of the hipaa realm (DEMO ONLY, password " + DEMO_PASSWORD + "):",
                "   jsmith4821      clinician          TOTP secret (base32) " + Base32.encode("demo-otp-jsmith4821"),
                "   tnguyen7310     clinician          TOTP secret (base32) " + Base32.encode("demo-otp-tnguyen7310"),
                "   mbrown5532      privacy-officer    TOTP secret (base32) " + Base32.encode("demo-otp-mbrown5532"),
                "   adm-jsmith4821  iam-admin          TOTP secret (base32) " + Base32.encode("demo-otp-adm-jsmith4821"),
                "   Add the secret to an authenticator app, or: oathtool --totp -b <secret>",
                "",
                " Audit ledger         : " + settings.keycloakHome().resolve("data/audit-ledger"),
                "   verify it          : java -jar " + settings.keycloakHome().resolve("providers") + "/hipaa-audit-ledger-*.jar verify "
                        + settings.keycloakHome().resolve("data/audit-ledger"),
                "",
                " Demo clinical app (OIDC code + PKCE, shows the ID token and back-channel logouts):",
                "   http://localhost:" + DemoClinicalApp.PORT + "/",
                "",
                " Stop with Ctrl-C. Start again with `mvn -Prun` (state kept); reset with `mvn -Prun -Dreset`.",
                "==================================================================================",
                "");
    }
}
