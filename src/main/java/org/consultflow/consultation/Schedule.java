package org.consultflow.consultation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * When a round's timed events fall. Reminder and chase offsets count back from the deadline.
 *
 * @param reportDue when the report is due; {@code null} if the definition names no date
 * @param chase how long before the deadline silent required consultees are chased; {@code null} for no chase
 */
public record Schedule(Instant opens, Instant deadline, List<Duration> reminders, Duration chase, Instant reportDue,
        boolean rehearsal) {

    /** The report is due at the start of the working day on its date. */
    private static final LocalTime REPORT_TIME = LocalTime.of(9, 0);

    /** The usual consultation period, used to scale a rehearsal that has nothing else to go by. */
    private static final Duration USUAL_PERIOD = Duration.ofDays(7 * 12);

    private static final Duration SHORTEST_OFFSET = Duration.ofSeconds(1);

    public Schedule {
        reminders = List.copyOf(reminders);
    }

    /** A real round opens now and runs to the definition's deadline. */
    public static Schedule of(Definition d, Instant now) {
        return new Schedule(now, d.deadline().toInstant(), d.reminders(), d.chase(), reportDue(d), false);
    }

    /**
     * A rehearsal compresses the definition's timeline so that its deadline falls {@code length} from now. Every
     * offset is scaled by {@code length / P}, where P is the period from {@code opens} to the deadline when the
     * definition gives {@code opens}; otherwise from now to the deadline if that is still ahead; otherwise (a past
     * deadline) one and a half times the longest reminder or chase offset, so the earliest reminder still falls
     * after the start. Scaled offsets keep at least one second; the report stays due as long after the deadline as
     * it was, scaled the same way (never before the deadline).
     */
    public static Schedule rehearse(Definition d, Duration length, Instant now) {
        Instant deadline = d.deadline().toInstant();
        double factor = (double) length.toMillis() / period(d, now).toMillis();
        Instant rehearsedDeadline = now.plus(length);
        Instant dueAt = reportDue(d);
        Instant rehearsedDue = dueAt == null ? null
                : rehearsedDeadline.plus(scale(Duration.between(deadline, dueAt), factor, Duration.ZERO));
        return new Schedule(now, rehearsedDeadline,
                d.reminders().stream().map(r -> scale(r, factor, SHORTEST_OFFSET)).toList(),
                d.chase() == null ? null : scale(d.chase(), factor, SHORTEST_OFFSET),
                rehearsedDue, true);
    }

    /** How long consultees have to respond. */
    public Duration periodLength() {
        return Duration.between(opens, deadline);
    }

    private static Duration period(Definition d, Instant now) {
        Instant deadline = d.deadline().toInstant();
        if (d.opens() != null && d.opens().toInstant().isBefore(deadline)) {
            return Duration.between(d.opens().toInstant(), deadline);
        }
        if (now.isBefore(deadline)) {
            return Duration.between(now, deadline);
        }
        return Stream.concat(d.reminders().stream(), Stream.ofNullable(d.chase()))
                .max(Duration::compareTo)
                .map(longest -> longest.multipliedBy(3).dividedBy(2))
                .filter(p -> !p.isZero() && !p.isNegative())
                .orElse(USUAL_PERIOD);
    }

    private static Duration scale(Duration offset, double factor, Duration shortest) {
        Duration scaled = Duration.ofMillis(Math.round(offset.toMillis() * factor));
        return scaled.compareTo(shortest) < 0 ? shortest : scaled;
    }

    private static Instant reportDue(Definition d) {
        return d.reportDue() == null ? null : d.reportDue().atTime(REPORT_TIME).atZone(d.timezone()).toInstant();
    }
}
