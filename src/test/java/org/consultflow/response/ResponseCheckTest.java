package org.consultflow.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definition.Contact;
import org.consultflow.consultation.Definition.Option;
import org.consultflow.consultation.Definition.Question;
import org.consultflow.consultation.Definition.QuestionType;
import org.consultflow.response.SubmittedResponse.Respondent;
import org.junit.jupiter.api.Test;

class ResponseCheckTest {

    static final Definition ROUND = new Definition("vcs", "VCS review", "", List.of(),
            new Definition.Coordinator("C", "c@example.org"), ZoneId.of("Europe/London"), null,
            OffsetDateTime.parse("2007-04-30T23:59:59+01:00"), List.of(Duration.ofDays(7)), null, null,
            List.of(new Question("preference", "Which model?", QuestionType.CHOICE,
                            List.of(new Option("a", "Model A"), new Option("b", "Model B")), false),
                    new Question("funding", "What role in funding?", QuestionType.TEXT, List.of(), false)),
            List.of(new Definition.Group("district-council", "District councils", true)),
            List.of(new Definition.Consultee("blaby", "Blaby District Council", "district-council",
                    new Contact("A. Officer", "officer@blaby.example.org"))));

    @Test
    void acceptsAValidResponse() {
        var response = response("blaby", Map.of("preference", "b", "funding", "Part-fund a hub"),
                new Respondent("A. Officer", "officer@blaby.example.org"));

        assertThat(ResponseCheck.problems(ROUND, response)).isEmpty();
    }

    @Test
    void listsEveryProblemOfAResponse() {
        var response = response("nobody", Map.of("preference", "d", "funding", 42, "colour", "blue"),
                new Respondent("X", "not-an-address"));

        assertThat(ResponseCheck.problems(ROUND, response)).containsExactlyInAnyOrder(
                "unknown consultee 'nobody' in round 'vcs'",
                "respondent email 'not-an-address' is not an address mail can be sent to",
                "'d' is not an option of question 'preference'",
                "answer to 'funding' must be text",
                "unknown question 'colour'");
    }

    @Test
    void refusesOtherWhereTheQuestionDoesNotAllowIt() {
        var response = response("blaby", Map.of("preference", Map.of("other", "Model D")), null);

        assertThat(ResponseCheck.problems(ROUND, response))
                .containsExactly("question 'preference' does not allow an 'other' answer");
    }

    @Test
    void refusesAResponseWithoutAnswers() {
        assertThat(ResponseCheck.problems(ROUND, response("blaby", Map.of(), null))).containsExactly("no answers");
    }

    @Test
    void refusesControlCharactersThePostgresDatabaseWouldRefuse() {
        var response = response("blaby", Map.of("funding", "Part\u0000fund", "preference", Map.of("other", "x")),
                new Respondent("A.\u0000Officer", "officer@blaby.example.org"));

        assertThat(ResponseCheck.problems(ROUND, response)).contains(
                "respondent name holds a control character (U+0000)",
                "answer to 'funding' holds a control character (U+0000)");
    }

    @Test
    void keepsLineBreaksInFreeTextButRefusesOverLongAnswers() {
        var paragraphs = response("blaby", Map.of("funding", "First.\r\n\r\nSecond\tpoint."), null);
        var tooLong = response("blaby", Map.of("funding", "x".repeat(ResponseFormAnswers.MAX_TEXT + 1)), null);

        assertThat(ResponseCheck.problems(ROUND, paragraphs)).isEmpty();
        assertThat(ResponseCheck.problems(ROUND, tooLong))
                .containsExactly("answer to 'funding' is longer than 20000 characters");
    }

    @Test
    void refusesAnAddressTheMailLibraryCannotSendTo() {
        var withName = response("blaby", Map.of("preference", "a"), new Respondent("X", "X <x@example.org>"));
        var injected = response("blaby", Map.of("preference", "a"), new Respondent("X", "x@example.org\r\nBcc: y@example.org"));

        assertThat(ResponseCheck.problems(ROUND, withName)).hasSize(1);
        assertThat(ResponseCheck.problems(ROUND, injected)).singleElement().asString()
                .doesNotContain("\r").doesNotContain("\n");
    }

    private static SubmittedResponse response(String consulteeId, Map<String, Object> answers, Respondent who) {
        return new SubmittedResponse("vcs", consulteeId, answers, who, OffsetDateTime.now());
    }
}
