package org.consultflow.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definition.Option;
import org.consultflow.consultation.Definition.Question;
import org.consultflow.consultation.Definition.QuestionType;
import org.junit.jupiter.api.Test;

class ResponseFormAnswersTest {

    private final Definition definition = new Definition("vcs-infrastructure-2007", "Review of VCS Infrastructure",
            "Three models.", List.of(), null, ZoneId.of("Europe/London"), null, null, List.of(), null, null,
            List.of(new Question("role", "What role do infrastructure organisations play?", QuestionType.TEXT,
                            List.of(), false),
                    new Question("preference", "Which model would you prefer?", QuestionType.CHOICE,
                            List.of(new Option("a", "Model A"), new Option("b", "Model B"), new Option("c", "Model C")),
                            true),
                    new Question("strict", "Yes or no?", QuestionType.CHOICE,
                            List.of(new Option("yes", "Yes"), new Option("no", "No")), false)),
            List.of(), List.of());

    @Test
    void turnsFilledFieldsIntoAnswersAndLeavesUnansweredQuestionsOut() {
        var filled = ResponseFormAnswers.read(definition, Map.of(
                "q-role", "  Advice and training for small groups.\r\nRepresentation.  ",
                "q-preference", "b",
                "q-strict", "",
                "respondent-name", " Stephen Farrow ",
                "respondent-email", "stephen.farrow@example.org"));

        assertThat(filled.problems()).isEmpty();
        assertThat(filled.answers()).containsExactly(
                entry("role", "Advice and training for small groups.\r\nRepresentation."),
                entry("preference", "b"));
        assertThat(filled.name()).isEqualTo("Stephen Farrow");
        assertThat(filled.email()).isEqualTo("stephen.farrow@example.org");
    }

    @Test
    void recordsAnOtherChoiceAsItsText() {
        var filled = ResponseFormAnswers.read(definition, Map.of(
                "q-preference", ResponseFormAnswers.OTHER, "q-preference_other-text", "A mix of B and C"));

        assertThat(filled.problems()).isEmpty();
        assertThat(filled.answers()).containsExactly(entry("preference", Map.of("other", "A mix of B and C")));
        assertThat(filled.name()).isNull();
        assertThat(filled.email()).isNull();
    }

    @Test
    void ignoresOtherTextWhenAnOptionIsChosen() {
        var filled = ResponseFormAnswers.read(definition, Map.of(
                "q-preference", "c", "q-preference_other-text", "typed before changing my mind"));

        assertThat(filled.answers()).containsExactly(entry("preference", "c"));
    }

    @Test
    void asksForAtLeastOneAnswerOnTheFirstQuestion() {
        var filled = ResponseFormAnswers.read(definition, Map.of("q-role", "   ", "respondent-name", "Ann"));

        assertThat(filled.valid()).isFalse();
        assertThat(filled.problems()).containsExactly(entry("q-role", "Answer at least one question"));
    }

    @Test
    void refusesAValueThatIsNotOneOfTheOptions() {
        var filled = ResponseFormAnswers.read(definition, Map.of("q-role", "Some text", "q-preference", "d",
                "q-strict", ResponseFormAnswers.OTHER));

        assertThat(filled.problems()).containsExactly(
                entry("q-preference", "Select one of the options for question 2"),
                entry("q-strict", "Select one of the options for question 3"));
    }

    @Test
    void asksForTheTextOfAnOtherAnswerOnItsOwnField() {
        var filled = ResponseFormAnswers.read(definition, Map.of("q-preference", ResponseFormAnswers.OTHER,
                "q-preference_other-text", " "));

        assertThat(filled.problems()).containsExactly(
                entry("q-preference_other-text", "Enter your other answer to question 2"));
    }

    @Test
    void refusesAMalformedEmailButAcceptsNone() {
        var malformed = ResponseFormAnswers.read(definition, Map.of("q-preference", "a",
                "respondent-email", "stephen.farrow@example"));
        var none = ResponseFormAnswers.read(definition, Map.of("q-preference", "a", "respondent-email", " "));

        assertThat(malformed.problems()).containsExactly(
                entry("respondent-email", "Enter an email address in the correct format, like name@example.com"));
        assertThat(none.problems()).isEmpty();
        assertThat(none.email()).isNull();
    }

    @Test
    void refusesAnAnswerTooLongForOneResponse() {
        var filled = ResponseFormAnswers.read(definition,
                Map.of("q-role", "x".repeat(ResponseFormAnswers.MAX_TEXT + 1), "q-preference", "a"));

        assertThat(filled.problems()).containsExactly(
                entry("q-role", "Your answer to question 1 must be 20,000 characters or fewer"));
    }

    @Test
    void asksToRemoveAControlCharacterRatherThanAcceptingIt() {
        var filled = ResponseFormAnswers.read(definition, Map.of("q-role", "Advice\u0000and support",
                "q-preference", "a", "respondent-name", "Stephen\u0000Farrow"));

        assertThat(filled.valid()).isFalse();
        assertThat(filled.problems()).containsOnlyKeys("q-role", "respondent-name");
        assertThat(filled.problems().get("q-role")).contains("question 1").contains("control character");
    }

    @Test
    void prefillsTheFormFromTheVersionThatCounts() {
        var latest = new StoredResponse("/consultflow/respond", "e-2", "vcs-infrastructure-2007", "blaby", 2, Channel.WEB,
                Map.of("role", "Advice", "preference", Map.of("other", "A mix")), "Stephen Farrow", null,
                Instant.parse("2007-04-20T10:00:00Z"), Instant.parse("2007-04-20T10:00:01Z"), false);

        assertThat(ResponseFormAnswers.prefill(definition, latest)).containsOnly(
                entry("q-role", "Advice"),
                entry("q-preference", ResponseFormAnswers.OTHER),
                entry("q-preference_other-text", "A mix"),
                entry("respondent-name", "Stephen Farrow"));
    }

    @Test
    void aPrefilledFormSendsTheSameAnswersAgain() {
        var answers = Map.<String, Object>of("role", "Advice", "preference", Map.of("other", "A mix"),
                "strict", "no");
        var latest = new StoredResponse("/consultflow/respond", "e-1", "vcs-infrastructure-2007", "blaby", 1, Channel.WEB,
                answers, null, null, Instant.parse("2007-04-20T10:00:00Z"),
                Instant.parse("2007-04-20T10:00:01Z"), false);

        var filled = ResponseFormAnswers.read(definition,
                new HashMap<>(ResponseFormAnswers.prefill(definition, latest)));

        assertThat(filled.answers()).isEqualTo(answers);
    }

    @Test
    void givesTheFirstRadioTheFieldIdSoErrorLinksLandOnTheQuestion() {
        var preference = ResponseFormAnswers.fields(definition).get(1);

        assertThat(preference.number()).isEqualTo(2);
        assertThat(preference.inputId(new Option("a", "Model A"))).isEqualTo("q-preference");
        assertThat(preference.inputId(new Option("b", "Model B"))).isEqualTo("q-preference_b");
    }
}
