package org.consultflow.engagement;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consultflow.consultation.Rounds;
import org.consultflow.notification.MailKey;
import org.consultflow.notification.Mails;
import org.consultflow.notification.UndeliverableMailException;
import org.consultflow.platform.LogContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Send reminder now": the coordinator's reminder between the scheduled ones. Checks again at sending time that no
 * response has been recorded and the round is open. Counted with the scheduled reminders (the report's "reminders
 * sent"), which keep their own times.
 */
@Component("sendReminderNow")
class SendReminderNow implements JavaDelegate {

    private final Rounds rounds;
    private final Engagements engagements;
    private final PersonalLinks links;
    private final Mails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SendReminderNow(Rounds rounds, Engagements engagements, PersonalLinks links, Mails mails,
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
            if (!round.isOpen() || engagement.respondedAt() != null) {
                return;
            }
            var consultee = round.definition().consultee(consulteeId).orElseThrow();
            var number = engagement.remindersSent() + 1;
            var now = clock.instant();
            try {
                mails.send(MailKey.reminder(roundKey, consulteeId, number),
                        SendReminder.mail(round, consultee, links.url(roundKey, consulteeId), number));
            } catch (UndeliverableMailException e) {
                engagements.mailFailed(roundKey, consulteeId, now,
                        "Reminder to " + consultee.contact().email() + ": " + e.reason());
                return;
            }
            engagements.extraReminderSent(engagement, now);
            events.publishEvent(new ReminderSent(roundKey, consulteeId, number, now));
        }
    }
}
