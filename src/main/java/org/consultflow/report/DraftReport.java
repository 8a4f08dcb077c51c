package org.consultflow.report;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consultflow.consultation.Rounds;
import org.consultflow.engagement.Engagement;
import org.consultflow.engagement.Engagements;
import org.consultflow.response.Responses;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** "Draft report": tallies every recorded response as it stands at closing and keeps the draft. */
@Component("draftReport")
class DraftReport implements JavaDelegate {

    private final Rounds rounds;
    private final Engagements engagements;
    private final Responses responses;
    private final Reports reports;
    private final ReportDrafter drafter;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DraftReport(Rounds rounds, Engagements engagements, Responses responses, Reports reports, ReportDrafter drafter,
            ApplicationEventPublisher events, Clock clock) {
        this.rounds = rounds;
        this.engagements = engagements;
        this.responses = responses;
        this.reports = reports;
        this.drafter = drafter;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var round = rounds.get((String) execution.getVariable("roundKey"));
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
        rounds.reportDrafted(round.key());
        events.publishEvent(new ReportDrafted(round.key(), version, now, report.responseRate().invited(),
                report.responseRate().responded(), report.late().size()));
    }
}
