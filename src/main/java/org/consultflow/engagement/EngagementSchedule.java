package org.consultflow.engagement;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.OptionalInt;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.consultflow.consultation.Round;
import org.consultflow.consultation.Rounds;
import org.springframework.stereotype.Component;

/**
 * When an engagement's reminders and chase fall due, read by the engagement process's gateways and timers.
 * Reminder offsets count back from the round's current deadline, so an extended deadline moves them too. A reminder
 * whose time had already passed when the consultee was invited is skipped.
 */
@Component("engagementSchedule")
public class EngagementSchedule {

    private final Rounds rounds;
    private final Engagements engagements;

    EngagementSchedule(Rounds rounds, Engagements engagements) {
        this.rounds = rounds;
        this.engagements = engagements;
    }

    public boolean reminderPending(DelegateExecution execution) {
        var round = round(execution);
        return pendingSlot(round, engagement(execution)).isPresent();
    }

    public Date nextReminder(DelegateExecution execution) {
        var round = round(execution);
        var slot = pendingSlot(round, engagement(execution)).orElseThrow();
        return Date.from(dueTimes(round).get(slot));
    }

    public boolean chaseNeeded(DelegateExecution execution) {
        return chaseNeeded(round(execution), engagement(execution));
    }

    public Date chaseAt(DelegateExecution execution) {
        return Date.from(chaseAt(round(execution)));
    }

    /** Reminder due times, earliest first. */
    static List<Instant> dueTimes(Round round) {
        var deadline = round.schedule().deadline();
        return round.schedule().reminders().stream()
                .sorted(Comparator.reverseOrder())
                .map(deadline::minus)
                .toList();
    }

    /** The next reminder slot still to be used, or none once the consultee has responded or the round closed. */
    static OptionalInt pendingSlot(Round round, Engagement engagement) {
        if (engagement.respondedAt() != null || !round.isOpen()) {
            return OptionalInt.empty();
        }
        var due = dueTimes(round);
        for (int slot = engagement.reminderCursor(); slot < due.size(); slot++) {
            var tooEarly = engagement.invitedAt() != null && due.get(slot).isBefore(engagement.invitedAt());
            if (!tooEarly) {
                return OptionalInt.of(slot);
            }
        }
        return OptionalInt.empty();
    }

    /** Only required consultees are chased, and only if the chase time falls after their invitation. */
    static boolean chaseNeeded(Round round, Engagement engagement) {
        if (!engagement.required() || round.schedule().chase() == null) {
            return false;
        }
        return engagement.invitedAt() == null || chaseAt(round).isAfter(engagement.invitedAt());
    }

    static Instant chaseAt(Round round) {
        return round.schedule().deadline().minus(round.schedule().chase());
    }

    private Round round(DelegateExecution execution) {
        return rounds.get((String) execution.getVariable("roundKey"));
    }

    private Engagement engagement(DelegateExecution execution) {
        return engagements.get((String) execution.getVariable("roundKey"),
                (String) execution.getVariable("consulteeId"));
    }
}
