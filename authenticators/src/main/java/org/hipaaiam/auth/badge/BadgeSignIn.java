package org.hipaaiam.auth.badge;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;

/** Names shared by the tap step, the PIN step and the audit trail. */
public final class BadgeSignIn {

    /** User-session notes (a contract with the audit listener, idle logoff and break-glass). */
    public static final String WORKSTATION_ID = "hipaa.workstation.id";
    public static final String WORKSTATION_CLASS = "hipaa.workstation.class";

    /** Event detail naming the workstation (event detail keys are snake_case). */
    public static final String WORKSTATION_DETAIL = "workstation_id";

    /** Event detail naming our domain events, and the reason detail of a refusal. */
    public static final String HIPAA_EVENT = "hipaa_event";
    public static final String REASON = "reason";

    /** Auth note: why the tapped badge identified nobody (unknown, revoked, disabled); used when the PIN is refused. */
    public static final String UNRECOGNISED = "hipaa.badge.unrecognised";

    /** Auth note: this sign-in went through the tap step (enrolment then refuses to set a PIN). */
    public static final String BADGE_PATH = "hipaa.signIn.badge";

    /** The one message for every unknown, revoked or disabled badge and every wrong or locked PIN. */
    public static final String GENERIC_ERROR = "hipaaBadgeOrPinInvalid";

    private BadgeSignIn() {
    }

    /** The AMR keys the `oidc-amr-mapper` reads from an execution's config (RFC 8176 value and max age). */
    public static List<ProviderConfigProperty> amrConfigProperties() {
        return List.of(
                new ProviderConfigProperty("default.reference.value", "AMR value",
                        "RFC 8176 method this step contributes to the token's amr claim (empty: none).", ProviderConfigProperty.STRING_TYPE, null),
                new ProviderConfigProperty("default.reference.maxAge", "AMR max age (seconds)",
                        "How long the value stays in tokens after the step; 0 drops it.", ProviderConfigProperty.STRING_TYPE, "0"));
    }
}
