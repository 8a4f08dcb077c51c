package org.consultflow.consultation;

import java.time.Instant;
import java.time.ZonedDateTime;

/** A round started from a definition, with its (possibly rehearsal-compressed) schedule. */
public record Round(Definition definition, RoundStatus status, Schedule schedule, Instant closedAt, Instant approvedAt) {

    public String key() {
        return definition.key();
    }

    public boolean isOpen() {
        return status == RoundStatus.OPEN;
    }

    /**
     * Whether a response submitted at that time is late: after the deadline, or after the round was closed early.
     * Submitted, not processed: a response the broker stamped before the deadline stays on time however long it
     * waited to be consumed.
     */
    public boolean isLate(Instant submittedAt) {
        var cutoff = closedAt != null && closedAt.isBefore(schedule.deadline()) ? closedAt : schedule.deadline();
        return submittedAt.isAfter(cutoff);
    }

    /** The deadline as consultees should read it: in the round's own time zone. */
    public ZonedDateTime localDeadline() {
        return schedule.deadline().atZone(definition.timezone());
    }
}
