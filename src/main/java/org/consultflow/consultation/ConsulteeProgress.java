package org.consultflow.consultation;

import java.time.Instant;
import java.util.Map;

/** How far each consultee of a round has got; provided by the features that track engagements and responses. */
public interface ConsulteeProgress {

    /** Progress by consultee id; consultees not yet reached are absent. */
    Map<String, Progress> of(String roundKey);

    /** {@code mailFailed} says why the last undeliverable mail to the consultee could not be sent, if any. */
    record Progress(Instant invitedAt, int remindersSent, int onTimeVersions, int lateVersions, Instant chasedAt,
            String chaseOutcome, String mailFailed) {}
}
