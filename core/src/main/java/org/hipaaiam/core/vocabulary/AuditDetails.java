package org.hipaaiam.core.vocabulary;

/**
 * Keys of the details the bundle adds to Keycloak events. The audit listener copies every detail into the
 * record; alert rules and auditors' queries read these names, so they are declared once, here.
 */
public final class AuditDetails {

    /** What the bundle did or refused, a value of {@link HipaaEvents}. */
    public static final String HIPAA_EVENT = "hipaa_event";
    /** Why, in words a reviewer understands (never a secret). */
    public static final String REASON = "reason";
    /** Which path of the bundle caused a change (HR feed, roster, workflow, ...). */
    public static final String SOURCE = "source";
    /** The API that answered, a {@link BundleApi} path. */
    public static final String API = "api";
    /** The request path below the API. */
    public static final String PATH = "path";
    /** The account a refused change was aimed at (its id). */
    public static final String TARGET_USER = "target_user";
    /** Who made a refused request when the caller is of another realm (`master/helpdesk-1`). */
    public static final String CALLER = "caller";
    /** The role a refused or reverted grant was about (its name). */
    public static final String ROLE = "role";
    /** The realm attribute or SPI option a problem is about. */
    public static final String SETTING = "setting";

    private AuditDetails() {
    }
}
