package org.consultflow.report.draft;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.consultflow.report.draft.Report.Change;

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
        boolean rehearsal,
        int consulteesReminded,
        Instant lastReminderAt,
        List<Change> changes,
        Map<String, Chase> chases) {

    /** What the coordinator heard on phoning a silent required consultee. */
    public record Chase(Instant at, String outcome) {}

    public ConsultationRecord {
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(timezone, "timezone");
        changes = changes == null ? List.of() : List.copyOf(changes);
        chases = chases == null ? Map.of() : Map.copyOf(chases);
    }

    /** A round nobody reminded, chased or rescheduled. */
    public ConsultationRecord(Instant opened, Instant deadline, Instant closed, ZoneId timezone, int remindersSent,
            boolean rehearsal) {
        this(opened, deadline, closed, timezone, remindersSent, rehearsal, 0, null, List.of(), Map.of());
    }

    /** A round still being drafted early has no close yet; the deadline is then the best estimate. */
    Instant closedOrDeadline() {
        return closed == null ? deadline : closed;
    }
}
