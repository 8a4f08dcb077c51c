package org.consultflow.response;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definition.Option;
import org.consultflow.consultation.Definition.Question;
import org.consultflow.consultation.Definition.QuestionType;
import org.consultflow.notification.EmailAddresses;
import org.consultflow.platform.Text;

/**
 * Between the web form's fields and a response's answers, both ways: reading what was posted (with every problem
 * the consultee must fix, worded for them) and turning a recorded version back into fields to prefill.
 */
final class ResponseFormAnswers {

    /** The radio value for "Other": ids are lower-case letters, digits and hyphens, so no option can clash with it. */
    static final String OTHER = "_other";
    static final String NAME = "respondent-name";
    static final String EMAIL = "respondent-email";
    /** Keeps one response well inside a Kafka record, and still far beyond any letter a partner would write. */
    static final int MAX_TEXT = 20_000;
    /** One limit for a respondent's name whichever way the response comes, the stored column's. */
    static final int MAX_NAME = ResponseCheck.MAX_RESPONDENT;

    private ResponseFormAnswers() {
    }

    /**
     * A question as the form shows it; its names and ids are also the targets of error summary links. The methods
     * are public only because the template calls them.
     */
    record Field(int number, Question question) {

        public String name() {
            return "q-" + question.id();
        }

        public String otherName() {
            return name() + "_other-text";
        }

        public String otherId() {
            return name() + "_other";
        }

        public String conditionalId() {
            return name() + "_conditional";
        }

        /** The first radio carries the field's own id, so an error summary link lands on the group. */
        public String inputId(Option option) {
            return question.options().indexOf(option) == 0 ? name() : name() + "_" + option.id();
        }

        public boolean choice() {
            return question.type() == QuestionType.CHOICE;
        }
    }

    /** What the form held: the answers and respondent to send, or the problems keyed by the field to fix. */
    record Filled(Map<String, Object> answers, String name, String email, Map<String, String> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    static List<Field> fields(Definition definition) {
        var questions = definition.questions();
        return IntStream.range(0, questions.size()).mapToObj(i -> new Field(i + 1, questions.get(i))).toList();
    }

    static Filled read(Definition definition, Map<String, String> form) {
        var answers = new LinkedHashMap<String, Object>();
        var problems = new LinkedHashMap<String, String>();
        var fields = fields(definition);
        for (var field : fields) {
            var value = trimmed(form.get(field.name()));
            if (value != null) {
                answer(field, value, form, answers, problems);
            }
        }
        if (answers.isEmpty() && problems.isEmpty() && !fields.isEmpty()) {
            problems.put(fields.get(0).name(), "Answer at least one question");
        }
        var name = trimmed(form.get(NAME));
        checkName(name, problems);
        var email = trimmed(form.get(EMAIL));
        // The same parser that will send the receipt decides: what it accepts here, it can deliver to.
        var emailProblem = email == null ? null : EmailAddresses.problem(email);
        if (emailProblem != null) {
            problems.put(EMAIL, emailProblem);
        }
        return new Filled(answers, name, email, problems);
    }

    static void checkName(String name, Map<String, String> problems) {
        if (name != null && name.length() > MAX_NAME) {
            problems.put(NAME, "Your name must be %d characters or fewer".formatted(MAX_NAME));
        } else if (Text.forbiddenCharacter(name, false) != null) {
            problems.put(NAME, "Your name must only include letters, numbers, spaces and punctuation");
        }
    }

    private static void answer(Field field, String value, Map<String, String> form, Map<String, Object> answers,
            Map<String, String> problems) {
        var question = field.question();
        if (!field.choice()) {
            if (tooLong(value, field.name(), field.number(), problems)) {
                return;
            }
            answers.put(question.id(), value);
        } else if (OTHER.equals(value) && question.other()) {
            var other = trimmed(form.get(field.otherName()));
            if (other == null) {
                problems.put(field.otherName(), "Enter your other answer to question " + field.number());
            } else if (!tooLong(other, field.otherName(), field.number(), problems)) {
                answers.put(question.id(), Map.of("other", other));
            }
        } else if (question.option(value).isPresent()) {
            answers.put(question.id(), value);
        } else {
            problems.put(field.name(), "Select one of the options for question " + field.number());
        }
    }

    /** Too long, or holding a character that cannot be stored (a NUL pasted from another program, say). */
    static boolean tooLong(String text, String name, int number, Map<String, String> problems) {
        if (text.length() > MAX_TEXT) {
            problems.put(name, "Your answer to question %d must be %,d characters or fewer".formatted(number, MAX_TEXT));
            return true;
        }
        if (Text.forbiddenCharacter(text, true) != null) {
            problems.put(name, ("Your answer to question %d contains a hidden control character we cannot accept;"
                    + " remove it, or retype the text where you pasted it").formatted(number));
            return true;
        }
        return false;
    }

    /** The form fields that show a recorded version again, so the consultee amends rather than starts over. */
    static Map<String, String> prefill(Definition definition, StoredResponse response) {
        var values = new HashMap<String, String>();
        for (var field : fields(definition)) {
            var answer = response.answers().get(field.question().id());
            if (answer instanceof Map<?, ?> other) {
                values.put(field.name(), OTHER);
                values.put(field.otherName(), String.valueOf(other.get("other")));
            } else if (answer != null) {
                values.put(field.name(), answer.toString());
            }
        }
        if (response.respondentName() != null) {
            values.put(NAME, response.respondentName());
        }
        if (response.respondentEmail() != null) {
            values.put(EMAIL, response.respondentEmail());
        }
        return values;
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
