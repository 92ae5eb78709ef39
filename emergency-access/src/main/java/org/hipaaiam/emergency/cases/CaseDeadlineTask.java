package org.hipaaiam.emergency.cases;

import org.hipaaiam.core.account.DisabledByLeave;
import org.hipaaiam.core.api.AuditEvents;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.emergency.BreakGlassEvents;
import org.hipaaiam.emergency.BreakGlassSettings;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.timer.ScheduledTask;

/**
 * Sends the justification reminder before the deadline and, past it, the escalation and the realm's sanction.
 * Runs on one node at a time; what it did is stored on the case, so restarts neither repeat nor skip it. Only
 * realms that enable the bundle's policies are checked, each with its own settings and only its own cases.
 */
public final class CaseDeadlineTask implements ScheduledTask {

    public static final String NAME = "hipaa-break-glass-deadlines";
    private static final Logger LOG = Logger.getLogger(CaseDeadlineTask.class);

    @Override
    public void run(KeycloakSession session) {
        session.realms().getRealmsStream().filter(BundleScope::policiesApply).toList().forEach(realm -> check(session, realm));
    }

    private static void check(KeycloakSession session, RealmModel realm) {
        session.getContext().setRealm(realm);
        BreakGlassSettings settings = BreakGlassSettings.of(session, realm);
        long now = Time.currentTime();
        for (BreakGlassCaseEntity open : new BreakGlassCases(session, realm).unjustified()) {
            switch (DeadlinePlan.of(open.getDueAt(), open.getRemindedAt(), open.getEscalatedAt(), settings.reminderLeadSeconds(), now)) {
                case REMIND -> {
                    open.setRemindedAt(now);
                    emit(session, realm, open, BreakGlassEvents.REMINDER, null);
                }
                case ESCALATE -> {
                    open.setEscalatedAt(now);
                    if (open.getRemindedAt() == null) {
                        open.setRemindedAt(now);
                    }
                    applySanction(session, realm, open, settings.sanction());
                    emit(session, realm, open, BreakGlassEvents.OVERDUE, settings.sanction().value());
                    LOG.infof("Break-glass case %s of user %s is overdue; sanction %s", open.getId(), open.getUserId(), settings.sanction().value());
                }
                case NOTHING -> {
                }
            }
        }
    }

    /** `block-break-glass` needs no write: eligibility refuses while an escalated case is unreviewed. */
    private static void applySanction(KeycloakSession session, RealmModel realm, BreakGlassCaseEntity overdue, BreakGlassSettings.Sanction sanction) {
        if (sanction == BreakGlassSettings.Sanction.DISABLE_ACCOUNT) {
            UserModel user = session.users().getUserById(realm, overdue.getUserId());
            if (user != null) {
                // Also during a leave of absence: the leave's end must not lift the sanction.
                DisabledByLeave.disableForAnotherReason(user);
            }
        }
    }

    private static void emit(KeycloakSession session, RealmModel realm, BreakGlassCaseEntity open, String hipaaEvent, String sanction) {
        var event = AuditEvents.event(session, realm, EventType.CUSTOM_REQUIRED_ACTION, hipaaEvent)
                .user(open.getUserId())
                .detail("username", open.getUsername())
                .detail("custom_required_action", BreakGlassCases.JUSTIFY_ACTION)
                .detail("case_id", open.getId())
                .detail("justification_due", Long.toString(open.getDueAt()));
        if (sanction != null) {
            event.detail("sanction", sanction);
        }
        event.success();
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
