package org.consultflow.report.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Report report = RoundFixture.draft();

    @Test
    void serialisesTheAgreedShape() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(report));

        assertThat(names(json)).contains("key", "title", "draftedAt", "responseRate", "questions", "nonRespondents",
                "late", "record");
        assertThat(json.get("draftedAt").asText()).isEqualTo("2007-05-01T08:00:00Z");
        assertThat(names(json.get("responseRate"))).contains("invited", "responded", "rate", "byGroup");
        assertThat(names(json.get("responseRate").get("byGroup").get(0)))
                .contains("id", "label", "required", "invited", "responded", "rate");
        assertThat(names(json.get("nonRespondents").get(0))).contains("id", "organisation", "group", "required");
        assertThat(names(json.get("late").get(0))).contains("id", "group", "submittedAt", "answers");
        assertThat(json.get("late").get(0).get("submittedAt").isTextual()).isTrue();
        assertThat(names(json.get("record"))).contains("opened", "deadline", "closed", "periodDays", "periodWeeks",
                "shorterThanUsual", "remindersSent", "rehearsal");
    }

    @Test
    void keepsTalliesForChoicesAndAnswersForText() throws Exception {
        JsonNode questions = mapper.readTree(mapper.writeValueAsString(report)).get("questions");
        JsonNode text = questions.get(0);
        JsonNode choice = questions.get(1);

        assertThat(names(text)).contains("id", "text", "type", "answers").doesNotContain("overall", "byGroup");
        assertThat(names(text.get("answers").get(0))).contains("consulteeId", "text");
        assertThat(names(choice)).contains("id", "text", "type", "overall", "byGroup", "other")
                .doesNotContain("answers");
        assertThat(names(choice.get("overall"))).containsExactly("A", "B", "C", "other");
        assertThat(choice.get("byGroup").get("districts").get("other").asInt()).isEqualTo(1);
        assertThat(choice.get("type").asText()).isEqualTo("CHOICE");
    }

    @Test
    void readsBackTheSameReport() throws Exception {
        assertThat(mapper.readValue(mapper.writeValueAsString(report), Report.class)).isEqualTo(report);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
