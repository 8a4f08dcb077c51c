package org.consultflow.report;

import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consultflow.consultation.Definition.Consultee;
import org.consultflow.consultation.Definition.QuestionType;
import org.consultflow.consultation.Rounds;
import org.consultflow.engagement.Engagements;
import org.consultflow.notification.FeedbackMail;
import org.consultflow.notification.MailKey;
import org.consultflow.notification.Mails;
import org.consultflow.notification.SentMails;
import org.consultflow.notification.UndeliverableMailException;
import org.consultflow.report.draft.Report;
import org.consultflow.report.render.ReportFormat;
import org.consultflow.report.render.ReportRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Tell consultees what we heard": when the definition asks for it, every consultee gets a "we asked, you said" mail
 * built from the approved version's data, so it says exactly what the frozen report says. A step of its own after
 * the report's distribution: an SMTP outage retries this alone, and a retry skips those the log says were served.
 */
@Component("sendFeedback")
class SendFeedback implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendFeedback.class);

    private final Rounds rounds;
    private final Engagements engagements;
    private final ApprovedReports approved;
    private final ReportRenderer renderer;
    private final Mails mails;
    private final SentMails sent;
    private final ObjectMapper json;
    private final Clock clock;

    SendFeedback(Rounds rounds, Engagements engagements, ApprovedReports approved, ReportRenderer renderer, Mails mails,
            SentMails sent, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.rounds = rounds;
        this.engagements = engagements;
        this.approved = approved;
        this.renderer = renderer;
        this.mails = mails;
        this.sent = sent;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) throws IOException {
        var round = rounds.get((String) execution.getVariable("roundKey"));
        var definition = round.definition();
        if (!definition.feedback().mail()) {
            return;
        }
        var report = json.readValue(approved.file(round.key(), ReportFormat.JSON).orElseThrow(), Report.class);
        var results = renderer.headlines(report, definition).stream()
                .map(h -> new FeedbackMail.Result(h.question(), h.result())).toList();
        int written = report.questions().stream().filter(q -> q.type() == QuestionType.TEXT)
                .mapToInt(q -> q.answers() == null ? 0 : q.answers().size()).sum();
        var silent = new HashSet<String>();
        report.nonRespondents().forEach(n -> silent.add(n.id()));
        report.late().forEach(l -> silent.remove(l.id()));
        var contacts = definition.consultees().stream().collect(Collectors.toMap(Consultee::id, Function.identity()));
        var served = sent.consulteesSent(round.key(), MailKey.feedback(round.key(), "-").purpose());
        int mailed = 0;
        for (var engagement : engagements.ofRound(round.key())) {
            var consultee = contacts.get(engagement.consulteeId());
            if (consultee == null || served.contains(consultee.id())) {
                continue;
            }
            try {
                mails.send(MailKey.feedback(round.key(), consultee.id()), new FeedbackMail(
                        consultee.contact().email(), consultee.contact().name(), consultee.organisation(),
                        definition.title(), !silent.contains(consultee.id()), report.responseRate().responded(),
                        report.responseRate().invited(), results, written, definition.feedback().link(),
                        definition.coordinator().name(), definition.coordinator().email()));
                mailed++;
            } catch (UndeliverableMailException e) {
                // Shown on the consultee's row like any refused mail; the others still get theirs.
                engagements.mailFailed(round.key(), consultee.id(), clock.instant(), e.reason());
            }
        }
        log.info("Round {}: \"we asked, you said\" mailed to {} consultees", round.key(), mailed);
    }
}
