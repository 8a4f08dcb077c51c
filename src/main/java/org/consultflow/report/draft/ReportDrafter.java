package org.consultflow.report.draft;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definition.Consultee;
import org.consultflow.consultation.Definition.Question;
import org.consultflow.consultation.Definition.QuestionType;
import org.consultflow.report.draft.Report.Answer;
import org.consultflow.report.draft.Report.Commentary;
import org.consultflow.report.draft.Report.GroupRate;
import org.consultflow.report.draft.Report.LateResponse;
import org.consultflow.report.draft.Report.NonRespondent;
import org.consultflow.report.draft.Report.QuestionSummary;
import org.consultflow.report.draft.Report.RecordSummary;
import org.consultflow.report.draft.Report.ResponseRate;
import org.springframework.stereotype.Component;

/**
 * Drafts the report of a closed round. Per consultee the latest on-time version counts; late versions are only
 * annexed. Consultees, questions and options unknown to the definition are ignored: input was validated upstream.
 */
@Component
public class ReportDrafter {

    static final int USUAL_WEEKS = 12;

    public Report draft(Definition definition, List<Submission> submissions, ConsultationRecord record, Instant draftedAt) {
        return draft(definition, submissions, record, draftedAt, List.of());
    }

    public Report draft(Definition definition, List<Submission> submissions, ConsultationRecord record,
            Instant draftedAt, List<Commentary> commentary) {
        Map<String, Submission> counted = latestOnTime(definition, submissions);
        return new Report(
                definition.key(),
                definition.title(),
                draftedAt,
                responseRate(definition, counted),
                definition.questions().stream().map(q -> summarise(q, definition, counted)).toList(),
                nonRespondents(definition, counted, record),
                late(definition, submissions),
                recordSummary(record, definition, counted),
                commentary);
    }

    private static Map<String, Submission> latestOnTime(Definition definition, List<Submission> submissions) {
        BinaryOperator<Submission> later = (a, b) -> a.version() >= b.version() ? a : b;
        Set<String> invited = definition.consultees().stream().map(Consultee::id).collect(toSet());
        return submissions.stream()
                .filter(s -> !s.late() && invited.contains(s.consulteeId()))
                .collect(toMap(Submission::consulteeId, s -> s, later));
    }

    private static ResponseRate responseRate(Definition definition, Map<String, Submission> counted) {
        List<GroupRate> byGroup = definition.groups().stream().map(g -> {
            List<Consultee> members = definition.consultees().stream().filter(c -> g.id().equals(c.group())).toList();
            int responded = (int) members.stream().filter(c -> counted.containsKey(c.id())).count();
            return new GroupRate(g.id(), g.label(), g.required(), members.size(), responded,
                    Percent.rate(responded, members.size()), Percent.words(responded, members.size()));
        }).toList();
        int invited = definition.consultees().size();
        int responded = counted.size();
        return new ResponseRate(invited, responded, Percent.rate(responded, invited),
                Percent.words(responded, invited), byGroup);
    }

    private static QuestionSummary summarise(Question question, Definition definition, Map<String, Submission> counted) {
        if (question.type() == QuestionType.CHOICE) {
            ChoiceTally tally = new ChoiceTally(question, definition.groups());
            respondentsInOrder(definition, counted).forEach(c -> tally.add(c, counted.get(c.id()).answers().get(question.id())));
            return tally.summary();
        }
        List<Answer> answers = new ArrayList<>();
        for (Consultee consultee : respondentsInOrder(definition, counted)) {
            if (counted.get(consultee.id()).answers().get(question.id()) instanceof String text && !text.isBlank()) {
                answers.add(new Answer(consultee.id(), consultee.organisation(), consultee.group(), text));
            }
        }
        return new QuestionSummary(question.id(), question.text(), question.type(), answers.size(),
                null, null, null, List.copyOf(answers));
    }

    private static List<Consultee> respondentsInOrder(Definition definition, Map<String, Submission> counted) {
        return definition.consultees().stream().filter(c -> counted.containsKey(c.id())).toList();
    }

    private static List<NonRespondent> nonRespondents(Definition definition, Map<String, Submission> counted,
            ConsultationRecord record) {
        return definition.consultees().stream()
                .filter(c -> !counted.containsKey(c.id()))
                .map(c -> {
                    var chase = record.chases().get(c.id());
                    return new NonRespondent(c.id(), c.organisation(), c.group(), definition.isRequired(c),
                            chase == null ? null : chase.at(), chase == null ? null : chase.outcome());
                })
                .sorted(Comparator.comparing(n -> !n.required())) // stable: definition order within each kind
                .toList();
    }

    private static List<LateResponse> late(Definition definition, List<Submission> submissions) {
        Map<String, List<Submission>> byConsultee = submissions.stream()
                .filter(Submission::late)
                .sorted(Comparator.comparingInt(Submission::version))
                .collect(groupingBy(Submission::consulteeId));
        List<LateResponse> late = new ArrayList<>();
        for (Consultee c : definition.consultees()) {
            byConsultee.getOrDefault(c.id(), List.of()).forEach(s -> late.add(new LateResponse(c.id(), c.organisation(),
                    c.group(), s.version(), s.submittedAt(), s.recordedAt(), inQuestionOrder(definition, s.answers()))));
        }
        return late;
    }

    private static Map<String, Object> inQuestionOrder(Definition definition, Map<String, Object> answers) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        definition.questions().stream()
                .filter(q -> answers.get(q.id()) != null)
                .forEach(q -> ordered.put(q.id(), answers.get(q.id())));
        return Collections.unmodifiableMap(ordered);
    }

    private static RecordSummary recordSummary(ConsultationRecord record, Definition definition,
            Map<String, Submission> counted) {
        long days = ChronoUnit.DAYS.between(
                record.opened().atZone(record.timezone()).toLocalDate(),
                record.closedOrDeadline().atZone(record.timezone()).toLocalDate());
        double weeks = Math.round(days * 10 / 7.0) / 10.0;
        return new RecordSummary(record.opened(), record.deadline(), record.closed(), record.timezone().getId(),
                days, weeks, USUAL_WEEKS, days < USUAL_WEEKS * 7L, record.remindersSent(), record.rehearsal(),
                record.consulteesReminded(), record.lastReminderAt(), record.changes(), channels(counted),
                definition.reportDue(), definition.shortPeriodReason());
    }

    /** Counted responses by channel, busiest first; ties in name order so that re-drafts read the same. */
    private static Map<String, Integer> channels(Map<String, Submission> counted) {
        Map<String, Integer> counts = new TreeMap<>();
        counted.values().forEach(s -> counts.merge(s.channel() == null ? "UNKNOWN" : s.channel(), 1, Integer::sum));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }
}
