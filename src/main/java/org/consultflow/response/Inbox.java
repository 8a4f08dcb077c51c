package org.consultflow.response;

import java.time.Clock;

import org.consultflow.consultation.Round;
import org.consultflow.consultation.Rounds;
import org.consultflow.engagement.Engagements;
import org.consultflow.response.Responses.Correlation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an accepted response in one transaction: the event id (a second delivery fails on its primary key and is
 * ignored), the new version, and whether it came late. Correlation to the process happens afterwards, from here.
 */
@Component
class Inbox {

    private final Rounds rounds;
    private final Responses responses;
    private final Engagements engagements;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Inbox(Rounds rounds, Responses responses, Engagements engagements, ApplicationEventPublisher events, Clock clock) {
        this.rounds = rounds;
        this.responses = responses;
        this.engagements = engagements;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public StoredResponse record(String eventId, String source, String payload, Round round,
            SubmittedResponse submitted) {
        var now = clock.instant();
        responses.rememberEvent(eventId, source, payload, now);
        var late = !rounds.lockOpen(round.key());
        var respondent = submitted.respondent();
        var response = new StoredResponse(eventId, round.key(), submitted.consulteeId(),
                responses.nextVersion(round.key(), submitted.consulteeId()), submitted.answers(),
                respondent == null ? null : respondent.name(), respondent == null ? null : respondent.email(),
                submitted.submittedAt() == null ? null : submitted.submittedAt().toInstant(), now, late);
        responses.add(response, late ? Correlation.NOT_NEEDED : Correlation.PENDING);
        if (!late) {
            engagements.responded(round.key(), submitted.consulteeId(), now);
        }
        events.publishEvent(new ResponseRecorded(round.key(), submitted.consulteeId(), response.version(), late, now));
        return response;
    }
}
