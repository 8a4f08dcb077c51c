package org.consultflow.engagement;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consultflow.consultation.Definition.Consultee;
import org.consultflow.consultation.Round;
import org.consultflow.consultation.Rounds;
import org.consultflow.notification.MailKey;
import org.consultflow.notification.Mails;
import org.consultflow.notification.Reminder;
import org.consultflow.notification.UndeliverableMailException;
import org.consultflow.platform.LogContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Send reminder": checks again, at sending time, that no response has been recorded (one may be on its way to the
 * process) and that the reminder is still due (the deadline may have been extended since the timer was set). A reminder
 * that can never be delivered is recorded on the engagement instead of retried.
 */
@Component("sendReminder")
class SendReminder implements JavaDelegate {

    private final Rounds rounds;
    private final Engagements engagements;
    private final PersonalLinks links;
    private final Mails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SendReminder(Rounds rounds, Engagements engagements, PersonalLinks links, Mails mails,
            ApplicationEventPublisher events, Clock clock) {
        this.rounds = rounds;
        this.engagements = engagements;
        this.links = links;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var roundKey = (String) execution.getVariable("roundKey");
        var consulteeId = (String) execution.getVariable("consulteeId");
        try (var context = LogContext.of(roundKey, consulteeId)) {
            var round = rounds.get(roundKey);
            var engagement = engagements.get(roundKey, consulteeId);
            var slot = EngagementSchedule.pendingSlot(round, engagement);
            var now = clock.instant();
            var due = EngagementSchedule.dueTimes(round);
            if (slot.isEmpty() || due.get(slot.getAsInt()).isAfter(now)) {
                return;
            }
            // Several slots may have passed at once (the engine was down): one reminder covers them all.
            var next = slot.getAsInt();
            while (next < due.size() && !due.get(next).isAfter(now)) {
                next++;
            }
            var consultee = round.definition().consultee(consulteeId).orElseThrow();
            var number = engagement.remindersSent() + 1;
            var to = consultee.contact().email();
            try {
                mails.send(MailKey.reminder(roundKey, consulteeId, number),
                        mail(round, consultee, links.url(roundKey, consulteeId), number));
            } catch (UndeliverableMailException e) {
                engagements.reminderUndeliverable(engagement, next, now, "Reminder to " + to + ": " + e.reason());
                return;
            }
            engagements.reminderSent(engagement, next, now);
            events.publishEvent(new ReminderSent(roundKey, consulteeId, number, now));
        }
    }

    /** Reminder number {@code number} to a consultee; the coordinator's reminders now are numbered in the same count. */
    static Reminder mail(Round round, Consultee consultee, String link, int number) {
        var definition = round.definition();
        return new Reminder(consultee.contact().email(), consultee.contact().name(), consultee.organisation(),
                definition.title(), round.localDeadline(), link, definition.coordinator().name(),
                definition.coordinator().email(), number);
    }
}
