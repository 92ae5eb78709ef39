package org.hipaaiam.lifecycle.hrfeed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hipaaiam.lifecycle.revocation.AccountChanges;
import org.hipaaiam.lifecycle.revocation.DisableTrigger;
import org.hipaaiam.lifecycle.revocation.Revocation;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * HR's notices applied to every account of the employee (the workforce account and any `adm-` account share the
 * employee number), each event id once. Every check is made before the first change; each change is recorded as
 * an admin event of the HR system.
 */
public final class HrEvents {

    /** Audit detail naming HR's event id on every record of its changes and refusals. */
    public static final String DETAIL_EVENT_ID = "hr_event_id";

    private HrEvents() {
    }

    /** A {@link SeparationNotice}: separated now when due, else scheduled for its effective time. */
    public static SeparationOutcome separation(KeycloakSession session, RealmModel realm, byte[] body, Instant now, AccountChanges changes) {
        SeparationNotice notice = SeparationNotice.parse(body, now);
        List<UserModel> accounts = freshEventAccounts(session, realm, notice.eventId(), notice.employeeNumber());
        Map<String, String> details = Map.of(HrEvents.DETAIL_EVENT_ID, notice.eventId());
        boolean due = notice.isDueAt(now);
        List<AccountOutcome> outcomes = new ArrayList<>();
        for (UserModel account : accounts) {
            if (due) {
                changes.updated(session, realm, account, Map.of("enabled", false), DisableTrigger.HR_FEED, details);
                Revocation revocation = AccountSeparation.apply(session, realm, account, notice.eventId(), notice.effectiveAt(),
                        DisableTrigger.HR_FEED);
                outcomes.add(new AccountOutcome(account.getUsername(), false, revocation.onlineSessions(), revocation.offlineSessions()));
            } else {
                SeparationRecords.schedule(account, notice);
                changes.updated(session, realm, account, Map.of("separationEffectiveAt", notice.effectiveAt().toString()),
                        DisableTrigger.HR_FEED, details);
                outcomes.add(AccountOutcome.unchanged(account.getUsername(), account.isEnabled()));
            }
        }
        return new SeparationOutcome(notice.eventId(), due ? "separated" : "scheduled", notice.effectiveAt().toString(), outcomes);
    }

    /** A {@link LeaveNotice}: a leave starts (now or at `startsAt`) or the employee returns; a separated employee is never restored. */
    public static LeaveOutcome leave(KeycloakSession session, RealmModel realm, byte[] body, Instant now, AccountChanges changes) {
        LeaveNotice notice = LeaveNotice.parse(body, now);
        List<UserModel> accounts = freshEventAccounts(session, realm, notice.eventId(), notice.employeeNumber());
        if (accounts.stream().anyMatch(SeparationRecords::isSeparated)) {
            throw new HrNoticeRefused(HrNoticeRefused.Reason.ACCOUNT_SEPARATED, "employee " + notice.employeeNumber() + " was separated",
                    notice.eventId());
        }
        boolean restore = notice.action() == LeaveNotice.Action.RESTORE;
        if (restore && accounts.stream().noneMatch(LeaveRecords::isOnLeave)) {
            throw new HrNoticeRefused(HrNoticeRefused.Reason.NOT_ON_LEAVE, "employee " + notice.employeeNumber() + " is not on leave",
                    notice.eventId());
        }
        List<AccountOutcome> outcomes = new ArrayList<>();
        for (UserModel account : accounts) {
            outcomes.add(applyLeave(session, realm, notice, account, now, changes));
        }
        if (restore) {
            return new LeaveOutcome(notice.eventId(), "restored", null, null, outcomes);
        }
        return new LeaveOutcome(notice.eventId(), notice.startsBy(now) ? "suspended" : "scheduled", notice.startsAt().toString(),
                notice.endsAt().map(Instant::toString).orElse(null), outcomes);
    }

    private static AccountOutcome applyLeave(KeycloakSession session, RealmModel realm, LeaveNotice notice, UserModel account, Instant now,
            AccountChanges changes) {
        SeparationRecords.recordEvent(account, notice.eventId());
        Map<String, String> details = Map.of(HrEvents.DETAIL_EVENT_ID, notice.eventId());
        if (notice.action() == LeaveNotice.Action.RESTORE) {
            if (LeaveRecords.isOnLeave(account)) {
                changes.updated(session, realm, account, Map.of("enabled", AccountLeave.restoreEnables(account) || account.isEnabled()),
                        DisableTrigger.HR_FEED, details);
                AccountLeave.restore(session, realm, account, notice.eventId(), DisableTrigger.HR_LEAVE);
            }
        } else if (notice.startsBy(now)) {
            LeaveRecords.record(account, notice, LeaveRecords.SUSPENDED);
            changes.updated(session, realm, account, Map.of("enabled", false), DisableTrigger.HR_FEED, details);
            Revocation revocation = AccountLeave.suspend(session, realm, account, DisableTrigger.HR_LEAVE);
            return new AccountOutcome(account.getUsername(), account.isEnabled(), revocation.onlineSessions(), revocation.offlineSessions());
        } else {
            LeaveRecords.record(account, notice, LeaveRecords.SCHEDULED);
            changes.updated(session, realm, account, Map.of("leaveStartsAt", notice.startsAt().toString()), DisableTrigger.HR_FEED, details);
        }
        return AccountOutcome.unchanged(account.getUsername(), account.isEnabled());
    }

    /** The employee's accounts for an event not seen before. */
    private static List<UserModel> freshEventAccounts(KeycloakSession session, RealmModel realm, String eventId, String employeeNumber) {
        if (SeparationRecords.alreadyReceived(session, realm, eventId)) {
            throw new HrNoticeRefused(HrNoticeRefused.Reason.REPLAYED_EVENT, "event " + eventId + " was already received", eventId);
        }
        List<UserModel> accounts = SeparationRecords.accountsOf(session, realm, employeeNumber);
        if (accounts.isEmpty()) {
            throw new HrNoticeRefused(HrNoticeRefused.Reason.UNKNOWN_EMPLOYEE, "no account has employeeNumber " + employeeNumber, eventId);
        }
        return accounts;
    }
}
