package org.consultflow.response;

import java.util.List;
import java.util.Map;

import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definition.QuestionType;
import org.consultflow.consultation.Rounds;
import org.consultflow.engagement.PersonalLinks;
import org.consultflow.notification.Acknowledgement;
import org.consultflow.notification.AnswerCopy;
import org.consultflow.notification.MailKey;
import org.consultflow.notification.Mails;
import org.springframework.stereotype.Component;

/** The receipt for one recorded response version: sent to whoever responded, with a copy of the answers. */
@Component
class Receipts {

    private final Rounds rounds;
    private final Responses responses;
    private final PersonalLinks links;
    private final Mails mails;

    Receipts(Rounds rounds, Responses responses, PersonalLinks links, Mails mails) {
        this.rounds = rounds;
        this.responses = responses;
        this.links = links;
        this.mails = mails;
    }

    void send(String roundKey, String consulteeId, int version) {
        var round = rounds.get(roundKey);
        var definition = round.definition();
        var response = responses.find(roundKey, consulteeId, version).orElseThrow();
        var consultee = definition.consultee(consulteeId).orElseThrow();
        var to = response.respondentEmail() != null ? response.respondentEmail() : consultee.contact().email();
        var name = response.respondentName() != null ? response.respondentName() : consultee.contact().name();
        // The personal link goes only to the invited contact: a partner system names the respondent's address.
        var link = to.equalsIgnoreCase(consultee.contact().email()) ? links.url(roundKey, consulteeId) : null;
        var key = MailKey.receipt(roundKey, consulteeId, version, link != null);
        mails.send(key, new Acknowledgement(to, name, consultee.organisation(), definition.title(), version,
                response.late(), copy(definition, response.answers()), round.localDeadline(), link));
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
