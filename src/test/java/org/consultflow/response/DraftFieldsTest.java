package org.consultflow.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definition.Option;
import org.consultflow.consultation.Definition.Question;
import org.consultflow.consultation.Definition.QuestionType;
import org.junit.jupiter.api.Test;

class DraftFieldsTest {

    private final Definition definition = new Definition("vcs-infrastructure-2007", "Review of VCS Infrastructure",
            "Three models.", List.of(), null, ZoneId.of("Europe/London"), null, null, List.of(), null, null,
            List.of(new Question("role", "What role do infrastructure organisations play?", QuestionType.TEXT,
                            List.of(), false),
                    new Question("preference", "Which model would you prefer?", QuestionType.CHOICE,
                            List.of(new Option("a", "Model A"), new Option("b", "Model B")), true)),
            List.of(), List.of());

    @Test
    void keepsHalfWrittenAnswersThatCouldNotYetBeSent() {
        var kept = DraftFields.read(definition, Map.of(
                "q-preference", ResponseFormAnswers.OTHER,
                "respondent-name", " Jane Smith ",
                "respondent-email", "jane.smith@"));

        assertThat(kept.problems()).isEmpty();
        assertThat(kept.fields()).containsOnly(entry("q-preference", ResponseFormAnswers.OTHER),
                entry("respondent-name", "Jane Smith"), entry("respondent-email", "jane.smith@"));
        assertThat(kept.savedBy()).isEqualTo("Jane Smith");
    }

    @Test
    void savesAnEmptyFormWithoutAskingForAnAnswer() {
        var kept = DraftFields.read(definition, Map.of("q-role", "  "));

        assertThat(kept.valid()).isTrue();
        assertThat(kept.fields()).isEmpty();
        assertThat(kept.savedBy()).isNull();
    }

    @Test
    void keepsOnlyTheFieldsTheFormOffers() {
        var kept = DraftFields.read(definition, Map.of("q-role", "Advice", "q-preference", "z", "action", "save",
                "q-unknown", "anything"));

        assertThat(kept.fields()).containsOnly(entry("q-role", "Advice"));
    }

    @Test
    void refusesWhatCouldNeverBeStoredWithTheSameWordsAsSending() {
        var kept = DraftFields.read(definition, Map.of(
                "q-role", "x".repeat(ResponseFormAnswers.MAX_TEXT + 1),
                "q-preference_other-text", "Part\u0000fund",
                "respondent-name", "A.\u0007Officer"));

        assertThat(kept.problems()).containsOnly(
                entry("q-role", "Your answer to question 1 must be 20,000 characters or fewer"),
                entry("q-preference_other-text", "Your answer to question 2 contains a hidden control character we "
                        + "cannot accept; remove it, or retype the text where you pasted it"),
                entry("respondent-name", "Your name must only include letters, numbers, spaces and punctuation"));
        assertThat(kept.savedBy()).isNull();
    }
}
