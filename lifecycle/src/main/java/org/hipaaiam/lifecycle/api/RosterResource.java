package org.hipaaiam.lifecycle.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipaaiam.core.api.Refusal;
import org.hipaaiam.core.signature.SignatureHeader;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.lifecycle.LifecycleSettings;
import org.hipaaiam.lifecycle.revocation.AccountChanges;
import org.hipaaiam.lifecycle.revocation.DisableTrigger;
import org.hipaaiam.lifecycle.revocation.DisabledAccount;
import org.hipaaiam.lifecycle.roster.Roster;
import org.hipaaiam.lifecycle.roster.RosterPlan;
import org.hipaaiam.lifecycle.roster.RosterReconciliation;

/**
 * `POST /realms/{realm}/hr-feed/roster?mode=dry-run|apply`: HR's full roster (JSON, or CSV with `rosterId` in the
 * query), signed like a separation. The dry run (default) reports; `mode=apply` with `confirm=<rosterId>`
 * disables the accounts that are terminated or absent and ends their sessions, unless that is more than
 * `hipaa.roster.maxDisableFraction` of the accounts and `force=true` is not given.
 */
public final class RosterResource {

    static final String DETAIL_ROSTER_ID = "roster_id";

    private final LifecycleApi feed;

    RosterResource(LifecycleApi feed) {
        this.feed = feed;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response reconcile(@HeaderParam(SignatureHeader.NAME) String signature, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("mode") String mode, @QueryParam("rosterId") String csvRosterId, @QueryParam("confirm") String confirm,
            @QueryParam("force") String force, byte[] body) {
        return HrSystem.call(feed, "roster", signature, body, (caller, now, signed) -> {
            boolean apply = applies(mode);
            return reconcile(parse(contentType, csvRosterId, signed), apply, confirm, "true".equals(force), new AccountChanges(caller::adminEvent));
        });
    }

    private RosterAnswer reconcile(Roster roster, boolean apply, String confirm, boolean force, AccountChanges changes) {
        RosterPlan plan = RosterPlan.of(roster, RosterReconciliation.enabledAccounts(feed.session, feed.realm, feed.settings),
                RosterReconciliation.onLeaveAccounts(feed.session, feed.realm, feed.settings));
        double maxFraction = feed.settings.get(LifecycleSettings.ROSTER_MAX_DISABLE_FRACTION);
        if (apply && !roster.rosterId().equals(confirm)) {
            throw LifecycleApi.confirmationRequired("apply needs confirm=<rosterId> (confirm=" + roster.rosterId() + ")");
        }
        if (apply && plan.exceeds(maxFraction) && !force) {
            throw Refusal.conflict("too_many_disables", String.format(Locale.ROOT,
                    "the roster would disable %d of %d accounts (%.1f %%), more than %s (%.1f %%); check the export, or send force=true",
                    plan.toDisable().size() + plan.keptDisabled().size(), plan.matchableAccounts(), plan.disableFraction() * 100,
                    LifecycleSettings.ROSTER_MAX_DISABLE_FRACTION.key(), maxFraction * 100));
        }
        Map<String, String> rosterDetail = Map.of(DETAIL_ROSTER_ID, roster.rosterId());
        List<DisabledAccount> disabled = apply
                ? changes.disableEach(feed.session, feed.realm, targets(plan.toDisable()), DisableTrigger.ROSTER, rosterDetail)
                : List.of();
        List<String> keptDisabled = apply
                ? changes.keepDisabledAfterLeave(feed.session, feed.realm, targets(plan.keptDisabled()), DisableTrigger.ROSTER, rosterDetail)
                : List.of();
        String modeName = apply ? "apply" : "dry-run";
        changes.ran(feed.session, feed.realm, BundleApi.HR_FEED.path(), "roster",
                Map.of("toDisable", plan.toDisable().size(), "excepted", plan.excepted().size(), "missing", plan.missing().size(),
                        "disabled", disabled.size(), "keptDisabled", keptDisabled.size()),
                DisableTrigger.HR_FEED, Map.of(DETAIL_ROSTER_ID, roster.rosterId(), "mode", modeName));
        return new RosterAnswer(roster.rosterId(), modeName, plan.matchableAccounts(), plan.disableFraction(), maxFraction, plan.toDisable(),
                plan.keptDisabled(), plan.excepted(), plan.unidentified(), plan.missing(), apply ? disabled : null);
    }

    private static List<AccountChanges.Target> targets(List<RosterPlan.Change> changes) {
        return changes.stream().map(change -> new AccountChanges.Target(change.username(), change.reason())).toList();
    }

    private static boolean applies(String mode) {
        return switch (mode == null ? "dry-run" : mode) {
            case "dry-run" -> false;
            case "apply" -> true;
            default -> throw LifecycleApi.malformed("mode must be dry-run or apply");
        };
    }

    private static Roster parse(String contentType, String csvRosterId, byte[] body) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case MediaType.APPLICATION_JSON -> Roster.parseJson(body);
            case "text/csv" -> Roster.parseCsv(csvRosterId, body);
            default -> throw Refusal.unsupportedMediaType("a roster is application/json or text/csv");
        };
    }
}
