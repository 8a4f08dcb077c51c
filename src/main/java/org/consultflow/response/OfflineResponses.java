package org.consultflow.response;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.consultflow.consultation.Rounds;
import org.consultflow.platform.Audit;
import org.consultflow.platform.Text;
import org.consultflow.response.SubmittedResponse.Respondent;
import org.springframework.stereotype.Component;

/**
 * A response that came by letter, email or phone, recorded by a coordinator. It goes through the same inbox as every
 * other (a signed event from ConsultFlow's console source), counts the same and carries its channel. On time is
 * judged by when it was received, which the coordinator states and the audit keeps with their name. Public for the
 * emailed replies, which are recorded the same way.
 */
@Component
public class OfflineResponses {

    public record Offline(String consulteeId, Channel channel, OffsetDateTime receivedAt, String note,
            Map<String, Object> answers, Writer respondent) {}

    /** Who wrote, called or sent it, if known: they get a copy of the receipt. */
    public record Writer(String name, String email) {}

    /** Recorded (the event's id), or refused with every problem. */
    public record Outcome(String eventId, List<String> problems) {

        public boolean recorded() {
            return eventId != null;
        }
    }

    /** The broker did not take the response, so nothing was recorded; the coordinator can try again. */
    public static final class Unavailable extends RuntimeException {

        Unavailable(Throwable cause) {
            super("the response could not be handed to the broker", cause);
        }
    }

    private final Rounds rounds;
    private final ResponseFormSender sender;
    private final Audit audit;
    private final Clock clock;

    OfflineResponses(Rounds rounds, ResponseFormSender sender, Audit audit, Clock clock) {
        this.rounds = rounds;
        this.sender = sender;
        this.audit = audit;
        this.clock = clock;
    }

    public Outcome record(String key, Offline offline) {
        return record(key, offline, Audit.actor());
    }

    /** Records it for the coordinator named, who may have acted outside this request (in Tasklist, say). */
    public Outcome record(String key, Offline offline, String actor) {
        var round = rounds.get(key);
        var now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        var problems = new ArrayList<String>();
        if (offline.channel() == null || offline.channel() == Channel.WEB || offline.channel() == Channel.PARTNER) {
            problems.add("channel must be LETTER, EMAIL or PHONE");
        }
        if (offline.receivedAt() != null && offline.receivedAt().isAfter(now)) {
            problems.add("receivedAt is in the future");
        }
        if (offline.receivedAt() != null && offline.receivedAt().toInstant().isBefore(round.schedule().opens())) {
            problems.add("receivedAt is before the round opened");
        }
        if (offline.note() != null && (offline.note().length() > 1000 || Text.forbiddenCharacter(offline.note(), true) != null)) {
            problems.add("note must be at most 1000 printable characters");
        }
        var writer = offline.respondent();
        var data = new SubmittedResponse(key, offline.consulteeId(), offline.answers(),
                writer == null ? null : new Respondent(writer.name(), writer.email()),
                offline.receivedAt() == null ? now : offline.receivedAt(), offline.channel());
        if (offline.consulteeId() == null) {
            problems.add("consulteeId is required");
        } else {
            problems.addAll(ResponseCheck.problems(round.definition(), data));
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        String id;
        try {
            id = sender.send(EventSignatures.CONSOLE, data);
        } catch (ResponseFormSender.NotSent e) {
            throw new Unavailable(e);
        }
        audit.record(actor, "response.recorded-offline", key, offline.channel() + " from " + offline.consulteeId()
                + ", received " + data.submittedAt() + (offline.note() == null ? "" : ": " + offline.note()));
        return new Outcome(id, List.of());
    }
}
