package org.consultflow.engagement;

import java.time.Instant;

/**
 * A consultee's part in a round. The personal link's token is never stored, only its hash. {@code mailFailure} is why
 * the last undeliverable mail to it could not be sent, if one could not.
 */
public record Engagement(String roundKey, String consulteeId, String groupId, boolean required, Instant invitedAt,
        int reminderCursor, int remindersSent, Instant respondedAt, Instant chasedAt, String chaseOutcome,
        Instant mailFailedAt, String mailFailure, Instant lastReminderAt) {

    /** An engagement as it stands before any reminder (the consultation record reads when the last one went). */
    public Engagement(String roundKey, String consulteeId, String groupId, boolean required, Instant invitedAt,
            int reminderCursor, int remindersSent, Instant respondedAt, Instant chasedAt, String chaseOutcome,
            Instant mailFailedAt, String mailFailure) {
        this(roundKey, consulteeId, groupId, required, invitedAt, reminderCursor, remindersSent, respondedAt, chasedAt,
                chaseOutcome, mailFailedAt, mailFailure, null);
    }

    /** The Camunda business key of the consultee's engagement process. */
    public String businessKey() {
        return businessKey(roundKey, consulteeId);
    }

    public static String businessKey(String roundKey, String consulteeId) {
        return roundKey + ":" + consulteeId;
    }
}
