package org.hipaaiam.core.vocabulary;

/**
 * The bundle's REST APIs: the path each is served at (`/realms/{realm}/{path}/...`) and the audience a token
 * must carry to call it, so a token issued for one API (or for an app) is refused by every other. People reach
 * the APIs they may use through the realm's `hipaa-admin-tools` client, whose tokens name the dormant-accounts,
 * badge admin, fingerprint admin, idle-policy and break-glass APIs; machines through clients of their own whose tokens name their API.
 */
public enum BundleApi {

    /** Called by the HR system's own client only. */
    HR_FEED("hr-feed", "hipaa-hr-feed"),
    DORMANT_ACCOUNTS("hipaa-dormant-accounts", "hipaa-dormant-accounts"),
    BADGE_ADMIN("hipaa-badge-admin", "hipaa-badge-admin"),
    /** A user's fingerprint security keys: list and revoke. */
    FINGERPRINT_ADMIN("hipaa-fingerprint-admin", "hipaa-fingerprint-admin"),
    /** The realm's idle policies (automatic logoff): read by auditors and IAM admins, changed by IAM admins. */
    IDLE_POLICIES("hipaa-idle-policies", "hipaa-idle-policies"),
    /** The break-glass review and the declared emergency. */
    BREAK_GLASS("hipaa-break-glass", "hipaa-break-glass");

    private final String path;
    private final String audience;

    BundleApi(String path, String audience) {
        this.path = path;
        this.audience = audience;
    }

    /** The realm resource id, also the first path segment after `/realms/{realm}/`. */
    public String path() {
        return path;
    }

    /** The value an access token's `aud` must contain; a token without it is refused. */
    public String audience() {
        return audience;
    }
}
