package org.consultflow.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consultflow.consultation.Rounds;
import org.consultflow.notification.Mails;
import org.consultflow.notification.ReportReady;
import org.consultflow.platform.PublicLinks;
import org.springframework.stereotype.Component;

/** "Tell coordinator the draft is ready". */
@Component("notifyCoordinator")
class NotifyCoordinator implements JavaDelegate {

    private final Rounds rounds;
    private final Reports reports;
    private final Mails mails;
    private final PublicLinks links;

    NotifyCoordinator(Rounds rounds, Reports reports, Mails mails, PublicLinks links) {
        this.rounds = rounds;
        this.reports = reports;
        this.mails = mails;
        this.links = links;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var round = rounds.get((String) execution.getVariable("roundKey"));
        var report = reports.find(round.key()).orElseThrow();
        var coordinator = round.definition().coordinator();
        mails.send(new ReportReady(coordinator.email(), coordinator.name(), round.definition().title(),
                links.baseUrl() + "/api/consultations/" + round.key() + "/report",
                report.responseRate().invited(), report.responseRate().responded(), report.late().size()));
    }
}
