package org.hipaaiam.core.vocabulary;

import org.keycloak.models.RealmModel;

/**
 * Where each part of the bundle applies. The audit trail and the ending of sessions on every disable path are
 * global: every realm, master included. Policies (privileged roles only for `adm-` accounts, username
 * conventions, badge sign-in, break-glass, lifecycle clean-ups) apply only in realms that enable them with the
 * realm attribute `hipaa.policies.enabled=true`, so installing the bundle changes nothing in other realms.
 */
public final class BundleScope {

    public static final String POLICIES_ENABLED = "hipaa.policies.enabled";

    private BundleScope() {
    }

    public static boolean policiesApply(RealmModel realm) {
        return realm != null && "true".equalsIgnoreCase(String.valueOf(realm.getAttribute(POLICIES_ENABLED)).trim());
    }
}
