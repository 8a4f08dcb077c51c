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

    /** The deadline as consultees should read it: in the round's own time zone. */
    public ZonedDateTime localDeadline() {
        return schedule.deadline().atZone(definition.timezone());
    }
}
