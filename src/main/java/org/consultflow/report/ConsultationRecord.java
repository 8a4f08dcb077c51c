package org.consultflow.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What happened to the round, for the consultation record section of the report. {@code closed} is when collection
 * actually stopped, which differs from {@code deadline} when the coordinator brought the close forward.
 */
public record ConsultationRecord(
        Instant opened,
        Instant deadline,
        Instant closed,
        ZoneId timezone,
        int remindersSent,
        boolean rehearsal) {

    public ConsultationRecord {
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(timezone, "timezone");
    }

    /** A round still being drafted early has no close yet; the deadline is then the best estimate. */
    Instant closedOrDeadline() {
        return closed == null ? deadline : closed;
    }
}
