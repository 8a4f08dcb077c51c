package org.consultflow.report;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consultflow.consultation.Rounds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** "Publish report": the approved report is final and partner systems are told so. */
@Component("publishReport")
class PublishReport implements JavaDelegate {

    private final Rounds rounds;
    private final Reports reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublishReport(Rounds rounds, Reports reports, ApplicationEventPublisher events, Clock clock) {
        this.rounds = rounds;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var key = (String) execution.getVariable("roundKey");
        var now = clock.instant();
        reports.approved(key, now);
        rounds.approved(key, now);
        events.publishEvent(new ReportApproved(key, now));
    }
}
