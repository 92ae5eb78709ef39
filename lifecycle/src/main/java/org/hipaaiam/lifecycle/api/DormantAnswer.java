package org.hipaaiam.lifecycle.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.hipaaiam.lifecycle.dormant.DormantAccounts;
import org.hipaaiam.lifecycle.revocation.DisabledAccount;

/** The realm's dormant accounts, and after a confirmed clean-up the accounts it disabled. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DormantAnswer(long days, List<Entry> dormant, List<DisabledAccount> disabled) {

    /** `lastSignInAt` is absent for an account that never signed in. */
    record Entry(String username, String lastSignInAt, long idleDays) {
    }

    static DormantAnswer of(long days, List<DormantAccounts.Dormant> dormant, List<DisabledAccount> disabled) {
        return new DormantAnswer(days, dormant.stream().map(account -> new Entry(account.username(),
                account.lastSignInAt().isPresent() ? Instant.ofEpochSecond(account.lastSignInAt().getAsLong()).toString() : null,
                account.idleDays())).toList(), disabled);
    }
}
