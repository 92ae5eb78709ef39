package org.hipaaiam.core.account;

import org.keycloak.models.UserModel;

/**
 * Whether an account is disabled by its leave of absence alone, so that the leave's end enables only what the
 * leave itself disabled. Kept on the account (user attribute {@link #ATTRIBUTE}): set when a leave disables an
 * enabled account, taken away by every other disable path of the bundle (a break-glass sanction, a workflow, a
 * roster or dormant clean-up) and whenever someone else enables the account.
 */
public final class DisabledByLeave {

    public static final String ATTRIBUTE = "hipaa.leave.disabledAccount";

    private DisabledByLeave() {
    }

    /** The leave disables the account; an account already disabled for another reason stays that other reason's. */
    public static void disable(UserModel account) {
        if (account.isEnabled()) {
            account.setEnabled(false);
            account.setSingleAttribute(ATTRIBUTE, "true");
        }
    }

    /** Whether the end of the leave may enable the account again. */
    public static boolean isLeavesOwn(UserModel account) {
        return !account.isEnabled() && "true".equals(account.getFirstAttribute(ATTRIBUTE));
    }

    /** Disabled for a reason other than a leave: the leave's end must not enable it. */
    public static void disableForAnotherReason(UserModel account) {
        account.setEnabled(false);
        forget(account);
    }

    /** The account is no longer the leave's to enable: enabled by someone else, separated, or the leave is over. */
    public static void forget(UserModel account) {
        if (account.getFirstAttribute(ATTRIBUTE) != null) {
            account.removeAttribute(ATTRIBUTE);
        }
    }
}
