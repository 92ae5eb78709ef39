package org.hipaaiam.lifecycle.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.hipaaiam.lifecycle.revocation.DisabledAccount;
import org.hipaaiam.lifecycle.roster.RosterPlan;

/** A roster reconciled: the plan, and with `mode=apply` the accounts disabled; `keptDisabled` stay disabled after their leave. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RosterAnswer(String rosterId, String mode, int matchableAccounts, double disableFraction, double maxDisableFraction,
        List<RosterPlan.Change> toDisable, List<RosterPlan.Change> keptDisabled, List<RosterPlan.Excepted> excepted, List<String> unidentified, List<String> missing,
        List<DisabledAccount> disabled) {
}
