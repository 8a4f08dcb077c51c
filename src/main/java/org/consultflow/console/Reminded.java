package org.consultflow.console;

import java.io.Serializable;
import java.util.List;

import org.consultflow.consultation.Definition;
import org.consultflow.engagement.Reminders;

/** What the banner after "remind now" says: who gets a reminder, and who does not and why, by organisation. */
record Reminded(List<String> queued, List<String> skipped) implements Serializable {

    static Reminded of(Reminders.RemindersQueued result, Definition definition) {
        return new Reminded(result.queued().stream().map(id -> organisation(definition, id)).toList(),
                result.skipped().stream().map(s -> organisation(definition, s.consulteeId()) + ": " + s.reason())
                        .toList());
    }

    public String heading() {
        return queued.isEmpty() ? "No reminders sent: nobody chosen is still to respond"
                : "Reminder" + (queued.size() == 1 ? "" : "s") + " on the way to " + queued.size()
                        + (queued.size() == 1 ? " consultee" : " consultees");
    }

    private static String organisation(Definition definition, String id) {
        return definition.consultee(id).map(Definition.Consultee::organisation).orElse(id);
    }
}
