package org.consultflow.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consultflow.consultation.Rounds;
import org.consultflow.notification.MailKey;
import org.consultflow.notification.Mails;
import org.consultflow.notification.ReportReady;
import org.consultflow.notification.UndeliverableMailException;
import org.consultflow.platform.LogContext;
import org.consultflow.platform.PublicLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** "Tell coordinator the draft is ready"; the mail names the draft's version, so each redraft is a mail of its own. */
@Component("notifyCoordinator")
class NotifyCoordinator implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(NotifyCoordinator.class);

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
        var roundKey = (String) execution.getVariable("roundKey");
        try (var context = LogContext.of(roundKey)) {
            var round = rounds.get(roundKey);
            var report = reports.find(round.key()).orElseThrow();
            var coordinator = round.definition().coordinator();
            try {
                mails.send(MailKey.reportReady(round.key(), reports.version(round.key())),
                        new ReportReady(coordinator.email(), coordinator.name(), round.definition().title(),
                                links.baseUrl() + "/api/consultations/" + round.key() + "/report",
                                report.responseRate().invited(), report.responseRate().responded(),
                                report.late().size()));
            } catch (UndeliverableMailException e) {
                // The review task waits in the console whether or not the mail arrives; retrying cannot deliver it.
                log.warn("Draft report of {} is ready but the coordinator cannot be told by mail: {}", round.key(),
                        e.reason());
            }
        }
    }
}
