package org.consultflow.report;

import org.consultflow.report.draft.ReportDrafter;
import org.consultflow.report.draft.ConsultationRecord;
import org.consultflow.report.draft.Submission;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Objects;
import java.util.Set;

import org.consultflow.consultation.Round;
import org.consultflow.consultation.Rounds;
import org.consultflow.engagement.Engagement;
import org.consultflow.engagement.Engagements;
import org.consultflow.platform.Audit;
import org.consultflow.report.draft.ConsultationRecord.Chase;
import org.consultflow.report.draft.Report.Change;
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

    /** The audited actions that change when the round closes, for the consultation record. */
    private static final Set<String> TIMETABLE = Set.of("deadline.moved", "round.closed-now");

    private final Rounds rounds;
    private final Engagements engagements;
    private final Responses responses;
    private final Reports reports;
    private final ReportDrafter drafter;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Audit audit;
    private final CommentarySections commentary;

    ReportDrafting(Rounds rounds, Engagements engagements, Responses responses, Reports reports, ReportDrafter drafter,
            ApplicationEventPublisher events, Clock clock, Audit audit, CommentarySections commentary) {
        this.rounds = rounds;
        this.engagements = engagements;
        this.responses = responses;
        this.reports = reports;
        this.drafter = drafter;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
        this.commentary = commentary;
    }

    /** Call inside a transaction holding the round's row ({@link Rounds#lock}). */
    void draft(Round round) {
        rounds.takeRedraft(round.key());
        var submissions = responses.ofRound(round.key()).stream()
                .map(r -> new Submission(r.consulteeId(), r.version(), r.answers(), r.submittedAt(), r.recordedAt(),
                        r.late(), r.channel().name()))
                .toList();
        var now = clock.instant();
        var report = drafter.draft(round.definition(), submissions, record(round), now, commentary.of(round.key()));
        var version = reports.save(round.key(), report, now);
        events.publishEvent(new ReportDrafted(round.key(), version, now, report.responseRate().invited(),
                report.responseRate().responded(), report.late().size()));
    }

    private ConsultationRecord record(Round round) {
        var engaged = engagements.ofRound(round.key());
        var chases = new HashMap<String, Chase>();
        engaged.stream().filter(e -> e.chasedAt() != null)
                .forEach(e -> chases.put(e.consulteeId(), new Chase(e.chasedAt(), e.chaseOutcome())));
        var changes = audit.ofRound(round.key()).stream()
                .filter(e -> TIMETABLE.contains(e.action()))
                .map(e -> new Change(e.at(), e.actor(), e.action(), e.detail()))
                .toList();
        return new ConsultationRecord(round.schedule().opens(), round.schedule().deadline(), round.closedAt(),
                round.definition().timezone(), engaged.stream().mapToInt(Engagement::remindersSent).sum(),
                round.schedule().rehearsal(), (int) engaged.stream().filter(e -> e.remindersSent() > 0).count(),
                engaged.stream().map(Engagement::lastReminderAt).filter(Objects::nonNull).max(Instant::compareTo)
                        .orElse(null),
                changes, chases);
    }
}
