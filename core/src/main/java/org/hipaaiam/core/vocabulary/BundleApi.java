package org.hipaaiam.core.vocabulary;

/**
 * The bundle's REST APIs: the path each is served at (`/realms/{realm}/{path}/...`) and the audience a token
 * must carry to call it, so a token issued for one API (or for an app) is refused by every other.
 */
public enum BundleApi {

    /** Called by the HR system's own client only: its tokens must name this API. */
    HR_FEED("hr-feed", "hipaa-hr-feed", true),
    DORMANT_ACCOUNTS("hipaa-dormant-accounts", "hipaa-dormant-accounts", false),
    BADGE_ADMIN("hipaa-badge-admin", "hipaa-badge-admin", false),
    BREAK_GLASS("hipaa-break-glass", "hipaa-break-glass", false);

    private final String path;
    private final String audience;
    private final boolean audienceRequired;

    BundleApi(String path, String audience, boolean audienceRequired) {
        this.path = path;
        this.audience = audience;
        this.audienceRequired = audienceRequired;
    }

    /**
     * Whether a token without {@link #audience()} is refused. The APIs people call through admin tools accept
     * their realm's tokens and check roles; the HR feed's machine client must name the HR feed.
     */
    public boolean audienceRequired() {
        return audienceRequired;
    }

    /** The realm resource id, also the first path segment after `/realms/{realm}/`. */
    public String path() {
        return path;
    }

    /** The value an access token's `aud` must contain. */
    public String audience() {
        return audience;
    }
}
