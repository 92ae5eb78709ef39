package org.hipaaiam.lifecycle.hrfeed;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A leave started (`suspended`), kept for its start (`scheduled`) or ended (`restored`); dates for a start only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeaveOutcome(String eventId, String status, String startsAt, String endsAt, List<AccountOutcome> accounts) {
}
