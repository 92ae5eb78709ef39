package org.hipaaiam.lifecycle.hrfeed;

import java.util.List;

/** A separation applied (`separated`) or kept for its effective time (`scheduled`), with every account of the employee. */
public record SeparationOutcome(String eventId, String status, String effectiveAt, List<AccountOutcome> accounts) {
}
