package org.consultflow.response;

import java.time.Clock;
import java.time.Instant;

import org.consultflow.consultation.RoundStatus;
import org.consultflow.consultation.Rounds;
import org.consultflow.engagement.Engagements;
import org.consultflow.response.Responses.Correlation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an accepted response in one transaction: the event (a second delivery of the same source and id fails on its
 * primary key and is ignored), the new version, and whether it came late. Correlation to the process happens
 * afterwards, from here.
 */
@Component
class Inbox {

    record Accepted(String source, String eventId, Channel channel, String payload, SubmittedResponse submitted,
            Instant submittedAt) {}

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

    /**
     * Late means submitted after the round's deadline (or its earlier closing), however late it is processed: the
     * round's row is held while the version is written, so responses of one round take turns, and closing or drafting
     * never reads half of one.
     */
    @Transactional
    public StoredResponse record(Accepted accepted) {
        var submitted = accepted.submitted();
        var round = rounds.lock(submitted.roundKey());
        var now = clock.instant();
        responses.rememberEvent(accepted.source(), accepted.eventId(), accepted.payload(), now);
        var late = round.isLate(accepted.submittedAt());
        if (round.status() == RoundStatus.REPORT_DRAFTED) {
            // Decided under the round's lock, which drafting holds too: no clock comparison between replicas.
            rounds.redraftDue(round.key());
        }
        var respondent = submitted.respondent();
        var response = new StoredResponse(accepted.source(), accepted.eventId(), round.key(), submitted.consulteeId(),
                responses.nextVersion(round.key(), submitted.consulteeId()), accepted.channel(), submitted.answers(),
                respondent == null ? null : respondent.name(), respondent == null ? null : respondent.email(),
                accepted.submittedAt(), now, late);
        responses.add(response, late ? Correlation.NOT_NEEDED : Correlation.PENDING);
        if (!late) {
            engagements.responded(round.key(), submitted.consulteeId(), now);
        }
        events.publishEvent(new ResponseRecorded(round.key(), submitted.consulteeId(), response.version(),
                accepted.channel().name().toLowerCase(), late, !round.isOpen(), accepted.submittedAt(), now));
        return response;
    }
}
