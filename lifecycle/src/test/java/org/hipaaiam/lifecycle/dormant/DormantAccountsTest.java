package org.hipaaiam.lifecycle.dormant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DormantAccountsTest {

    private static final long DAY = 86_400;
    private static final long NOW = 1_000 * DAY;

    @Test
    void idleSinceTheLastSignInOrSinceCreation() {
        List<DormantAccounts.Dormant> dormant = DormantAccounts.of(List.of(
                account("recent", OptionalLong.of(NOW - 10 * DAY), NOW - 500 * DAY),
                account("idle", OptionalLong.of(NOW - 91 * DAY), NOW - 500 * DAY),
                account("exactly", OptionalLong.of(NOW - 90 * DAY - LastSignIn.RESOLUTION_SECONDS), NOW - 500 * DAY),
                // The stamp is renewed at most once a day: this account may have signed in up to a day after it.
                account("withinStampResolution", OptionalLong.of(NOW - 90 * DAY - LastSignIn.RESOLUTION_SECONDS / 2), NOW - 500 * DAY),
                account("never", OptionalLong.empty(), NOW - 200 * DAY),
                account("createdExactly", OptionalLong.empty(), NOW - 90 * DAY),
                account("new", OptionalLong.empty(), NOW - DAY),
                new DormantAccounts.Account("id-svc", "svc-epic-hl7", OptionalLong.empty(), 0, Optional.of("service account"))), NOW, 90);

        assertEquals(List.of("createdExactly", "exactly", "idle", "never"), dormant.stream().map(DormantAccounts.Dormant::username).toList());
        assertEquals(91, dormant.get(2).idleDays());
        assertEquals(200, dormant.get(3).idleDays());
    }

    private static DormantAccounts.Account account(String username, OptionalLong lastSignIn, long created) {
        return new DormantAccounts.Account("id-" + username, username, lastSignIn, created, Optional.empty());
    }
}
