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
                "respondent email 'not-an-address' is not an email address",
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

    private static SubmittedResponse response(String consulteeId, Map<String, Object> answers, Respondent who) {
        return new SubmittedResponse("vcs", consulteeId, answers, who, OffsetDateTime.now());
    }
}
