package org.hipaaiam.lifecycle.revocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.hipaaiam.core.account.DisabledByLeave;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * The lifecycle's own changes to accounts, recorded as admin events of whoever asked for them (the HR system, an
 * IAM admin). Each carries the detail `source` naming its trigger, which tells {@link DisabledAccountEvents} that
 * the change ends its sessions itself.
 */
public final class AccountChanges {

    /** An account to disable and why. */
    public record Target(String username, String reason) {
    }

    public static final String DETAIL_DISABLE_REASON = "disable_reason";

    private final BiFunction<KeycloakSession, RealmModel, AdminEventBuilder> adminEvents;

    /** `adminEvents` builds an admin event by the requester in a given session, such as `Caller::adminEvent`. */
    public AccountChanges(BiFunction<KeycloakSession, RealmModel, AdminEventBuilder> adminEvents) {
        this.adminEvents = adminEvents;
    }

    /** The account was changed (`change` is the admin event's representation); the revocation is recorded separately. */
    public void updated(KeycloakSession session, RealmModel realm, UserModel account, Map<String, Object> change, DisableTrigger source,
            Map<String, String> details) {
        AdminEventBuilder event = adminEvents.apply(session, realm)
                .operation(OperationType.UPDATE)
                .resource(ResourceType.USER)
                .resourcePath("users", account.getId())
                .representation(change)
                .detail(AuditDetails.SOURCE, source.label());
        details.forEach(event::detail);
        event.success();
    }

    /** One record per reconciliation or clean-up, dry runs included: who ran it, on what, and what it counted. */
    public void ran(KeycloakSession session, RealmModel realm, String api, String endpoint, Map<String, Integer> counts, DisableTrigger source,
            Map<String, String> details) {
        AdminEventBuilder event = adminEvents.apply(session, realm)
                .operation(OperationType.ACTION)
                .resource(ResourceType.REALM)
                .resourcePath(api, endpoint)
                .representation(counts)
                .detail(AuditDetails.SOURCE, source.label());
        details.forEach(event::detail);
        event.success();
    }

    /**
     * Disables each account, records it and ends its sessions in its own transaction: planning read every account
     * of the realm, and one transaction holding them all made each later query flush-check thousands of entities.
     * Accounts already disabled or gone meanwhile are skipped.
     */
    public List<DisabledAccount> disableEach(KeycloakSession session, RealmModel realm, List<Target> targets, DisableTrigger trigger,
            Map<String, String> details) {
        return eachInItsOwnTransaction(session, realm, targets, details, (own, ownRealm, account, target, eventDetails) -> {
            if (!account.isEnabled()) {
                return null;
            }
            DisabledByLeave.disableForAnotherReason(account);
            updated(own, ownRealm, account, Map.of("enabled", false), trigger, eventDetails);
            Revocation revocation = SessionRevoker.revoke(own, ownRealm, account, trigger, eventDetails);
            return new DisabledAccount(account.getUsername(), target.reason(), revocation.onlineSessions(), revocation.offlineSessions());
        });
    }

    /**
     * Takes each account over from its leave of absence, each in its own transaction: it stays disabled when the
     * leave ends. Accounts no longer disabled by their leave alone are skipped. Answers the usernames taken over.
     */
    public List<String> keepDisabledAfterLeave(KeycloakSession session, RealmModel realm, List<Target> targets, DisableTrigger trigger,
            Map<String, String> details) {
        return eachInItsOwnTransaction(session, realm, targets, details, (own, ownRealm, account, target, eventDetails) -> {
            if (!DisabledByLeave.isLeavesOwn(account)) {
                return null;
            }
            DisabledByLeave.forget(account);
            updated(own, ownRealm, account, Map.of("enabled", false, "enabledWhenLeaveEnds", false), trigger, eventDetails);
            return account.getUsername();
        });
    }

    /** One change to an account, in a transaction of its own; null when the account needs none. */
    private interface Change<T> {
        T apply(KeycloakSession own, RealmModel ownRealm, UserModel account, Target target, Map<String, String> eventDetails);
    }

    private static <T> List<T> eachInItsOwnTransaction(KeycloakSession session, RealmModel realm, List<Target> targets, Map<String, String> details,
            Change<T> change) {
        KeycloakContext request = session.getContext();
        List<T> changed = new ArrayList<>();
        for (Target target : targets) {
            T result = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), own -> {
                own.getContext().setHttpRequest(request.getHttpRequest());
                own.getContext().setConnection(request.getConnection());
                RealmModel ownRealm = own.realms().getRealm(realm.getId());
                own.getContext().setRealm(ownRealm);
                UserModel account = own.users().getUserByUsername(ownRealm, target.username());
                if (account == null) {
                    return null;
                }
                Map<String, String> eventDetails = new LinkedHashMap<>(details);
                eventDetails.put(DETAIL_DISABLE_REASON, target.reason());
                return change.apply(own, ownRealm, account, target, eventDetails);
            });
            if (result != null) {
                changed.add(result);
            }
        }
        return changed;
    }
}
