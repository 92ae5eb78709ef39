package org.hipaaiam.emergency.cases;

/** What the deadline task owes an unjustified case at a given time: nothing, a reminder, or the escalation. */
public enum DeadlinePlan {
    NOTHING, REMIND, ESCALATE;

    public static DeadlinePlan of(long dueAt, Long remindedAt, Long escalatedAt, long reminderLeadSeconds, long nowSeconds) {
        if (nowSeconds >= dueAt) {
            return escalatedAt == null ? ESCALATE : NOTHING;
        }
        if (remindedAt == null && nowSeconds >= dueAt - reminderLeadSeconds) {
            return REMIND;
        }
        return NOTHING;
    }
}
