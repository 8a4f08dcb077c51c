package org.consultflow.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definition.Question;
import org.consultflow.consultation.Definition.QuestionType;
import org.consultflow.notification.EmailAddresses;
import org.consultflow.platform.Text;

/** Checks a submitted response against its round's definition, listing every problem. */
final class ResponseCheck {

    static final int MAX_RESPONDENT = 500;

    private ResponseCheck() {
    }

    static List<String> problems(Definition definition, SubmittedResponse response) {
        var problems = new ArrayList<String>();
        if (definition.consultee(response.consulteeId()).isEmpty()) {
            problems.add("unknown consultee '" + abbreviated(response.consulteeId()) + "' in round '" + definition.key() + "'");
        }
        var respondent = response.respondent();
        if (respondent != null) {
            if (respondent.name() != null && respondent.name().length() > MAX_RESPONDENT) {
                problems.add("respondent name longer than " + MAX_RESPONDENT + " characters");
            }
            printable(respondent.name(), false, "respondent name", problems);
            if (respondent.email() != null && !EmailAddresses.valid(respondent.email())) {
                problems.add("respondent email '" + abbreviated(respondent.email()) + "' is not an address mail can be sent to");
            }
        }
        if (response.answers() == null || response.answers().isEmpty()) {
            problems.add("no answers");
            return problems;
        }
        response.answers().forEach((questionId, value) -> definition.question(questionId).ifPresentOrElse(
                question -> check(question, value, problems),
                () -> problems.add("unknown question '" + abbreviated(questionId) + "'")));
        return problems;
    }

    private static String abbreviated(String text) {
        return Text.printable(text, 80);
    }

    private static void printable(String text, boolean multiline, String what, List<String> problems) {
        var character = Text.forbiddenCharacter(text, multiline);
        if (character != null) {
            problems.add(what + " holds a control character (" + character + ")");
        }
    }

    private static void text(String text, String what, List<String> problems) {
        if (text.length() > ResponseFormAnswers.MAX_TEXT) {
            problems.add(what + " is longer than " + ResponseFormAnswers.MAX_TEXT + " characters");
        }
        printable(text, true, what, problems);
    }

    private static void check(Question question, Object value, List<String> problems) {
        if (question.type() == QuestionType.TEXT) {
            if (value instanceof String text) {
                text(text, "answer to '" + question.id() + "'", problems);
            } else {
                problems.add("answer to '" + question.id() + "' must be text");
            }
            return;
        }
        if (value instanceof String optionId) {
            if (question.option(optionId).isEmpty()) {
                problems.add("'" + abbreviated(optionId) + "' is not an option of question '" + question.id() + "'");
            }
        } else if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("other") instanceof String other) {
            text(other, "'other' answer to '" + question.id() + "'", problems);
            if (!question.other()) {
                problems.add("question '" + question.id() + "' does not allow an 'other' answer");
            }
        } else {
            problems.add("answer to '" + question.id() + "' must be an option id or {\"other\": \"text\"}");
        }
    }
}
