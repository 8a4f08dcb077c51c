package org.consultflow.report;

import java.util.LinkedHashMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consultflow.consultation.Rounds;
import org.consultflow.notification.Attachment;
import org.consultflow.notification.MailKey;
import org.consultflow.notification.Mails;
import org.consultflow.notification.ReportApprovedMail;
import org.consultflow.notification.UndeliverableMailException;
import org.consultflow.platform.PublicLinks;
import org.consultflow.report.render.ReportFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Send approved report": the frozen PDF to the coordinator and the definition's distribution list. A step of its own
 * so that an SMTP outage retries the mail, never the approval. A retry sends again to those already served, with the
 * same Message-ID per recipient, so the repeat is recognisable.
 */
@Component("sendApprovedReport")
class SendApprovedReport implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendApprovedReport.class);

    private final Rounds rounds;
    private final ApprovedReports approved;
    private final Mails mails;
    private final PublicLinks links;

    SendApprovedReport(Rounds rounds, ApprovedReports approved, Mails mails, PublicLinks links) {
        this.rounds = rounds;
        this.approved = approved;
        this.mails = mails;
        this.links = links;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var round = rounds.get((String) execution.getVariable("roundKey"));
        var version = approved.find(round.key()).orElseThrow();
        var pdf = new Attachment(ReportFormat.PDF.fileName(round.key()), ReportFormat.PDF.contentType(),
                approved.file(round.key(), ReportFormat.PDF).orElseThrow());
        // The coordinator first; an address listed twice, in any case, gets one mail.
        var recipients = new LinkedHashMap<String, String>();
        recipients.put(round.definition().coordinator().email().toLowerCase(), round.definition().coordinator().email());
        round.definition().distribution().forEach(to -> recipients.putIfAbsent(to.toLowerCase(), to));
        for (var to : recipients.values()) {
            try {
                mails.send(MailKey.reportApproved(round.key(), version.version(), to), new ReportApprovedMail(to,
                        round.definition().title(), version.version(), version.sha256(),
                        version.approvedAt().atZone(round.definition().timezone()),
                        links.baseUrl() + "/api/consultations/" + round.key() + "/report.html", pdf));
            } catch (UndeliverableMailException e) {
                // One refused address must not keep the report from the others; retrying cannot deliver it.
                log.warn("Approved report of {} could not be mailed to one recipient: {}", round.key(), e.reason());
            }
        }
    }
}
