package org.consultflow.report.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.consultflow.consultation.Definition.Consultee;
import org.consultflow.engagement.Engagement;
import org.consultflow.notification.SentMails.SentMail;
import org.consultflow.response.StoredResponse;

/**
 * One consultee's part in the round, in time order, from what ConsultFlow stores. Each reminder is dated from the log
 * of mails sent; a round older than that log has only the count of reminders and the time of the last one.
 */
record Timeline(String consulteeId, String organisation, String group, boolean required, List<Event> events) {

    record Event(Instant at, String what, String detail) {}

    static Timeline of(Consultee consultee, boolean required, Engagement engagement, List<StoredResponse> responses,
            List<SentMail> mails) {
        List<Event> events = new ArrayList<>();
        var reminders = mails.stream().filter(m -> m.purpose().startsWith("reminder-")).toList();
        reminders.forEach(m -> add(events, m.sentAt(), "reminded",
                "reminder " + m.purpose().substring("reminder-".length()) + " to " + m.recipient() + ", " + m.messageId()));
        if (engagement != null) {
            add(events, engagement.invitedAt(), "invited", null);
            if (engagement.remindersSent() > 0 && reminders.isEmpty()) {
                add(events, engagement.lastReminderAt(), "reminded", engagement.remindersSent()
                        + " reminder(s) sent in all; this is when the last one went");
            }
            add(events, engagement.chasedAt(), "chased", engagement.chaseOutcome());
            add(events, engagement.mailFailedAt(), "mail undeliverable", engagement.mailFailure());
        }
        for (StoredResponse r : responses) {
            add(events, r.submittedAt(), r.late() ? "responded late" : "responded", "version " + r.version()
                    + " by " + r.channel() + ", recorded " + r.recordedAt());
        }
        events.sort(Comparator.comparing(Event::at).thenComparing(Event::what));
        return new Timeline(consultee.id(), consultee.organisation(), consultee.group(), required, List.copyOf(events));
    }

    private static void add(List<Event> events, Instant at, String what, String detail) {
        if (at != null) {
            events.add(new Event(at, what, detail));
        }
    }
}
