package org.consultflow.response;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definition.QuestionType;
import org.consultflow.consultation.Rounds;
import org.consultflow.engagement.Engagements;
import org.consultflow.engagement.PersonalLinks;
import org.consultflow.notification.Acknowledgement;
import org.consultflow.notification.AnswerCopy;
import org.consultflow.notification.MailKey;
import org.consultflow.notification.Mails;
import org.consultflow.notification.UndeliverableMailException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The receipts for one recorded response version, with a copy of the answers. The invited contact always gets one,
 * with the personal link, so that a response sent in their organisation's name by someone else does not go unnoticed.
 * An address the respondent typed gets a copy without the link, and only a few an hour (see {@link ReceiptCopies}),
 * so the form cannot be used to send our mail to anyone. An address that can never be delivered to is recorded on the
 * engagement and the response stays recorded; any other mail failure is thrown so that the caller retries.
 */
@Component
class Receipts {

    private static final Logger log = LoggerFactory.getLogger(Receipts.class);

    private final Rounds rounds;
    private final Responses responses;
    private final ReceiptCopies copies;
    private final Engagements engagements;
    private final PersonalLinks links;
    private final Mails mails;
    private final Clock clock;

    Receipts(Rounds rounds, Responses responses, ReceiptCopies copies, Engagements engagements, PersonalLinks links,
            Mails mails, Clock clock) {
        this.rounds = rounds;
        this.responses = responses;
        this.copies = copies;
        this.engagements = engagements;
        this.links = links;
        this.mails = mails;
        this.clock = clock;
    }

    void send(String roundKey, String consulteeId, int version) {
        var round = rounds.get(roundKey);
        var definition = round.definition();
        var response = responses.find(roundKey, consulteeId, version).orElseThrow();
        var consultee = definition.consultee(consulteeId).orElseThrow();
        var contact = consultee.contact();
        var answers = copy(definition, response.answers());
        send(response, MailKey.receipt(roundKey, consulteeId, version, true), new Acknowledgement(contact.email(),
                contact.name(), consultee.organisation(), definition.title(), version, response.late(), answers,
                round.localDeadline(), links.url(roundKey, consulteeId)));
        var typed = response.respondentEmail() == null ? "" : response.respondentEmail().strip();
        if (typed.isEmpty() || typed.equalsIgnoreCase(contact.email())) {
            return;
        }
        if (!copies.allowed(response, contact.email())) {
            log.warn("No receipt copy for version {} of {}:{}: more than {} copies to other addresses within the hour",
                    version, roundKey, consulteeId, ReceiptCopies.PER_HOUR);
            return;
        }
        send(response, MailKey.receipt(roundKey, consulteeId, version, false), new Acknowledgement(typed,
                response.respondentName(), consultee.organisation(), definition.title(), version, response.late(),
                answers, round.localDeadline(), null));
    }

    private void send(StoredResponse response, MailKey key, Acknowledgement receipt) {
        try {
            mails.send(key, receipt);
        } catch (UndeliverableMailException e) {
            engagements.mailFailed(response.roundKey(), response.consulteeId(), clock.instant(),
                    "Receipt for version " + response.version() + " to " + receipt.to() + ": " + e.reason());
        }
    }

    /** The answers in question order, choices by their label, as the consultee would recognise them. */
    static List<AnswerCopy> copy(Definition definition, Map<String, Object> answers) {
        return definition.questions().stream()
                .filter(question -> answers.containsKey(question.id()))
                .map(question -> {
                    var value = answers.get(question.id());
                    String text;
                    if (question.type() == QuestionType.CHOICE && value instanceof String optionId) {
                        text = question.option(optionId).map(Definition.Option::label).orElse(optionId);
                    } else if (value instanceof Map<?, ?> other) {
                        text = "Other: " + other.get("other");
                    } else {
                        text = String.valueOf(value);
                    }
                    return new AnswerCopy(question.text(), text);
                })
                .toList();
    }
}
