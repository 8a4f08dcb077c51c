package org.consultflow.report;

import java.time.Clock;
import java.util.EnumMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consultflow.consultation.Rounds;
import org.consultflow.report.render.Approval;
import org.consultflow.report.render.ReportFormat;
import org.consultflow.report.render.ReportRenderer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Publish report": the approved report is frozen in every format and partner systems are told so. It runs in the
 * engine's transaction, so the frozen files, the round's status and the event commit together or not at all.
 */
@Component("publishReport")
class PublishReport implements JavaDelegate {

    private final Rounds rounds;
    private final Reports reports;
    private final ApprovedReports approved;
    private final ReportRenderer renderer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublishReport(Rounds rounds, Reports reports, ApprovedReports approved, ReportRenderer renderer,
            ApplicationEventPublisher events, Clock clock) {
        this.rounds = rounds;
        this.reports = reports;
        this.approved = approved;
        this.renderer = renderer;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var round = rounds.lock((String) execution.getVariable("roundKey"));
        var report = reports.find(round.key()).orElseThrow();
        var now = clock.instant();
        var version = reports.version(round.key());
        // The frozen files are headed as this approved version, not as the draft they were reviewed as.
        var approval = new Approval(version, now);
        var files = new EnumMap<ReportFormat, byte[]>(ReportFormat.class);
        for (var format : ReportFormat.values()) {
            files.put(format, renderer.render(format, report, round.definition(), approval));
        }
        approved.freeze(round.key(), version, now, files);
        reports.approved(round.key(), now);
        rounds.approved(round.key(), now);
        events.publishEvent(new ReportApproved(round.key(), now));
    }
}
