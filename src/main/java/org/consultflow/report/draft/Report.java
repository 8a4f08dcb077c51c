package org.consultflow.report.draft;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
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
        RecordSummary record,
        List<Commentary> commentary) {

    public Report {
        questions = List.copyOf(questions);
        nonRespondents = List.copyOf(nonRespondents);
        late = List.copyOf(late);
        // drafts stored before commentary existed read back without it
        commentary = commentary == null ? List.of() : List.copyOf(commentary);
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

    /** {@code chasedAt} and {@code chaseOutcome} are set once the coordinator has phoned a silent required consultee. */
    public record NonRespondent(String id, String organisation, String group, boolean required, Instant chasedAt,
            String chaseOutcome) {}

    /** A section the coordinator wrote for the meeting; it survives every re-draft. */
    public record Commentary(String heading, String text) {}

    /** A coordinator action that changed the round's timetable, as the audit trail has it. */
    public record Change(Instant at, String actor, String action, String detail) {}

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
     * compared with the 12 weeks the 2007 Code of Practice on Consultation treats as the norm. {@code channels} counts
     * the counted responses by how they arrived; {@code changes} are deadline moves and early closes, with who made
     * them.
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
            boolean rehearsal,
            int consulteesReminded,
            Instant lastReminderAt,
            List<Change> changes,
            Map<String, Integer> channels,
            LocalDate reportDue,
            String shortPeriodReason) {

        public RecordSummary {
            changes = changes == null ? List.of() : List.copyOf(changes);
            channels = channels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(channels));
        }
    }
}
