package org.consultflow.report;

import java.time.Clock;

import org.consultflow.consultation.Round;
import org.consultflow.consultation.Rounds;
import org.consultflow.engagement.Engagement;
import org.consultflow.engagement.Engagements;
import org.consultflow.response.Responses;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Drafts a round's report from every response recorded so far and keeps it as a new version. It holds the round's row
 * while it reads, as recording a response does: a response is either in this draft, or recorded after it — and then
 * re-drafted for ({@link RedraftOnLateArrival}).
 */
@Component
class ReportDrafting {

    private final Rounds rounds;
    private final Engagements engagements;
    private final Responses responses;
    private final Reports reports;
    private final ReportDrafter drafter;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportDrafting(Rounds rounds, Engagements engagements, Responses responses, Reports reports, ReportDrafter drafter,
            ApplicationEventPublisher events, Clock clock) {
        this.rounds = rounds;
        this.engagements = engagements;
        this.responses = responses;
        this.reports = reports;
        this.drafter = drafter;
        this.events = events;
        this.clock = clock;
    }

    /** Call inside a transaction holding the round's row ({@link Rounds#lock}). */
    void draft(Round round) {
        rounds.takeRedraft(round.key());
        var submissions = responses.ofRound(round.key()).stream()
                .map(r -> new Submission(r.consulteeId(), r.version(), r.answers(), r.submittedAt(), r.recordedAt(),
                        r.late()))
                .toList();
        var remindersSent = engagements.ofRound(round.key()).stream().mapToInt(Engagement::remindersSent).sum();
        var record = new ConsultationRecord(round.schedule().opens(), round.schedule().deadline(), round.closedAt(),
                round.definition().timezone(), remindersSent, round.schedule().rehearsal());
        var now = clock.instant();
        var report = drafter.draft(round.definition(), submissions, record, now);
        var version = reports.save(round.key(), report, now);
        events.publishEvent(new ReportDrafted(round.key(), version, now, report.responseRate().invited(),
                report.responseRate().responded(), report.late().size()));
    }
}
