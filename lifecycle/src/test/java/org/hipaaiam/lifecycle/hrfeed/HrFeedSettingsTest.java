package org.hipaaiam.lifecycle.hrfeed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HrFeedSettingsTest {

    @Test
    void replayWindowDefaultsToFiveMinutes() {
        assertEquals(300, HrFeedSettings.replayWindowSeconds(null));
        assertEquals(300, HrFeedSettings.replayWindowSeconds(" "));
        assertEquals(120, HrFeedSettings.replayWindowSeconds(" 120 "));
    }

    @Test
    void misconfiguredReplayWindowRefusesRequests() {
        for (String configured : new String[] {"five minutes", "0", "-30"}) {
            assertEquals(Refusal.Reason.NOT_CONFIGURED,
                    assertThrows(Refusal.class, () -> HrFeedSettings.replayWindowSeconds(configured)).reason(), configured);
        }
    }
}
