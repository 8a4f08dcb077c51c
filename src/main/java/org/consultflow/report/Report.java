package org.consultflow.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.consultflow.consultation.Definition.QuestionType;

/**
 * The drafted report of a closed round, as plain data: what the coordinator reviews, what is stored as JSON and what
 * {@link MarkdownReport} and {@link HtmlReport} render.
 */
public record Report(
        String key,
        String title,
        Instant draftedAt,
        ResponseRate responseRate,
        List<QuestionSummary> questions,
        List<NonRespondent> nonRespondents,
        List<LateResponse> late,
        RecordSummary record) {

    public Report {
        questions = List.copyOf(questions);
        nonRespondents = List.copyOf(nonRespondents);
        late = List.copyOf(late);
    }

    /** {@code rate} is 0..1; {@code percentage} is the same, worded for people. */
    public record ResponseRate(int invited, int responded, double rate, String percentage, List<GroupRate> byGroup) {
        public ResponseRate {
            byGroup = List.copyOf(byGroup);
        }
    }

    public record GroupRate(
            String id, String label, boolean required, int invited, int responded, double rate, String percentage) {}

    /**
     * CHOICE questions carry {@code overall}, {@code byGroup} and {@code other}; TEXT questions carry {@code answers}.
     * {@code answered} counts the counted responses that answered this question.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionSummary(
            String id,
            String text,
            QuestionType type,
            int answered,
            Map<String, Integer> overall,
            Map<String, Map<String, Integer>> byGroup,
            List<Answer> other,
            List<Answer> answers) {}

    public record Answer(String consulteeId, String organisation, String group, String text) {}

    public record NonRespondent(String id, String organisation, String group, boolean required) {}

    /** Every late version is listed, so nothing a consultee sent is missing from the paper. */
    public record LateResponse(
            String id,
            String organisation,
            String group,
            int version,
            Instant submittedAt,
            Instant recordedAt,
            Map<String, Object> answers) {}

    /**
     * The period runs from opening to the actual close, counted in calendar days in the round's time zone, and is
     * compared with the 12 weeks the 2007 Code of Practice on Consultation treats as the norm.
     */
    public record RecordSummary(
            Instant opened,
            Instant deadline,
            Instant closed,
            String timezone,
            long periodDays,
            double periodWeeks,
            int usualWeeks,
            boolean shorterThanUsual,
            int remindersSent,
            boolean rehearsal) {}
}
