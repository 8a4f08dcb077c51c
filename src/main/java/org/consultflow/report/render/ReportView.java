package org.consultflow.report.render;

import org.consultflow.report.draft.Report;
import org.consultflow.report.draft.ChoiceTally;
import org.consultflow.report.draft.Percent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definition.Option;
import org.consultflow.consultation.Definition.Question;
import org.consultflow.consultation.Definition.QuestionType;
import org.consultflow.report.draft.Report.Answer;
import org.consultflow.report.draft.Report.NonRespondent;
import org.consultflow.report.draft.Report.QuestionSummary;

/**
 * The report worded for people: labels instead of ids, dates in the round's time zone. Every rendering reads this, so
 * the papers cannot drift apart. Text here is raw; each renderer escapes it for its format.
 */
record ReportView(
        String key,
        String title,
        Heading heading,
        List<Line> summary,
        List<Line> record,
        String periodWarning,
        boolean rehearsal,
        List<RateRow> rates,
        RateRow total,
        List<QuestionView> questions,
        List<GroupOf<NonRespondentView>> nonRespondents,
        String lateNote,
        List<LateView> late,
        List<Line> commentary) {

    record Line(String label, String value) {}

    record RateRow(String label, boolean required, int invited, int responded, String percentage) {}

    /** {@code number} counts from 1 in the definition's order; {@code headline} is set for choice questions. */
    record QuestionView(int number, String id, String text, boolean choice, int answered, String headline,
            List<String> groups, List<TallyRow> rows, List<GroupOf<Quote>> other, List<GroupOf<Quote>> answers) {}

    /** Counts with their share of those who answered, overall and in each group's column. */
    record TallyRow(String label, int overall, String overallPercent, List<Integer> byGroup,
            List<String> byGroupPercent) {}

    record Quote(String organisation, String group, String text) {}

    /** Items listed under their stakeholder group, groups in the definition's order. */
    record GroupOf<T>(String group, boolean required, List<T> items) {}

    record NonRespondentView(String organisation, String group, boolean required, String chase) {}

    record LateView(String organisation, String group, String received, int version, List<Line> answers) {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter DAY = DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    static ReportView of(Report report, Definition definition) {
        return of(report, definition, null);
    }

    /** {@code approval} is null for a draft. */
    static ReportView of(Report report, Definition definition, Approval approval) {
        ZoneId zone = ZoneId.of(report.record().timezone());
        List<RateRow> rates = report.responseRate().byGroup().stream()
                .map(g -> new RateRow(g.label(), g.required(), g.invited(), g.responded(), g.percentage()))
                .toList();
        var all = report.responseRate();
        List<String> groupLabels = rates.stream().map(RateRow::label).toList();
        List<QuestionView> questions = new ArrayList<>();
        for (QuestionSummary q : report.questions()) {
            questions.add(question(questions.size() + 1, q, definition, groupLabels));
        }
        var periodWarning = report.record().shorterThanUsual() && report.record().shortPeriodReason() == null
                ? "The consultation period was shorter than the usual " + report.record().usualWeeks()
                        + " weeks set by the 2007 Code of Practice on Consultation. The paper should say why."
                : null;
        return new ReportView(
                report.key(),
                report.title(),
                Heading.of(report.draftedAt(), approval, zone),
                Summary.lines(report, definition, questions, zone),
                RecordLines.of(report.record(), zone),
                periodWarning,
                report.record().rehearsal(),
                rates,
                new RateRow("All consultees", false, all.invited(), all.responded(), all.percentage()),
                List.copyOf(questions),
                byGroup(definition, report.nonRespondents(), NonRespondent::group,
                        n -> new NonRespondentView(n.organisation(), groupLabel(definition, n.group()), n.required(),
                                chase(n, zone))),
                lateNote(report),
                report.late().stream()
                        .map(l -> new LateView(l.organisation(), groupLabel(definition, l.group()),
                                dateTime(l.submittedAt(), zone), l.version(), answers(l.answers(), definition)))
                        .toList(),
                report.commentary().stream().map(c -> new Line(c.heading(), c.text())).toList());
    }

    private static String chase(NonRespondent n, ZoneId zone) {
        if (n.chasedAt() != null) {
            return "Chased " + dateTime(n.chasedAt(), zone) + ": " + n.chaseOutcome();
        }
        return n.required() ? "Not chased" : null;
    }

    private static String lateNote(Report report) {
        if (report.late().isEmpty()) {
            return "No responses arrived after the close.";
        }
        List<String> which = report.late().stream().map(l -> l.organisation() + " (version " + l.version() + ")")
                .toList();
        return "These arrived after the close. They are shown here but not counted in any figure above: "
                + String.join(", ", which) + ".";
    }

    private static QuestionView question(int number, QuestionSummary q, Definition definition, List<String> groups) {
        if (q.overall() == null) {
            return new QuestionView(number, q.id(), q.text(), false, q.answered(), null, groups, List.of(), List.of(),
                    quotes(q.answers(), definition));
        }
        Question question = definition.question(q.id()).orElse(null);
        List<Integer> answeredByGroup = q.byGroup().values().stream()
                .map(g -> g.values().stream().mapToInt(Integer::intValue).sum()).toList();
        List<TallyRow> rows = new ArrayList<>();
        q.overall().forEach((option, count) -> {
            List<Integer> counts = q.byGroup().values().stream().map(g -> g.getOrDefault(option, 0)).toList();
            List<String> percents = new ArrayList<>();
            for (int i = 0; i < counts.size(); i++) {
                percents.add(Percent.words(counts.get(i), answeredByGroup.get(i)));
            }
            rows.add(new TallyRow(optionLabel(question, option), count, Percent.words(count, q.answered()), counts,
                    List.copyOf(percents)));
        });
        return new QuestionView(number, q.id(), q.text(), true, q.answered(), Summary.headline(rows, q.answered()),
                groups, List.copyOf(rows), quotes(q.other(), definition), List.of());
    }

    private static List<GroupOf<Quote>> quotes(List<Answer> answers, Definition definition) {
        return byGroup(definition, answers, Answer::group,
                a -> new Quote(a.organisation(), groupLabel(definition, a.group()), a.text()));
    }

    /** Groups in the definition's order, each item in the order given; empty groups are left out. */
    static <S, T> List<GroupOf<T>> byGroup(Definition definition, List<S> items, Function<S, String> groupOf,
            Function<S, T> view) {
        Map<String, List<T>> grouped = new LinkedHashMap<>();
        definition.groups().forEach(g -> grouped.put(g.id(), new ArrayList<>()));
        items.forEach(i -> grouped.computeIfAbsent(groupOf.apply(i), g -> new ArrayList<>()).add(view.apply(i)));
        List<GroupOf<T>> groups = new ArrayList<>();
        grouped.forEach((id, list) -> {
            if (!list.isEmpty()) {
                groups.add(new GroupOf<>(groupLabel(definition, id),
                        definition.group(id).map(Definition.Group::required).orElse(false), List.copyOf(list)));
            }
        });
        return List.copyOf(groups);
    }

    private static List<Line> answers(Map<String, Object> answers, Definition definition) {
        List<Line> lines = new ArrayList<>();
        answers.forEach((id, value) -> definition.question(id)
                .ifPresent(q -> lines.add(new Line(q.text(), answerText(q, value)))));
        return lines;
    }

    static String answerText(Question question, Object value) {
        if (value instanceof Map<?, ?> map && map.get(ChoiceTally.OTHER) instanceof String text) {
            return "Other: " + text;
        }
        if (value instanceof String id && question.type() == QuestionType.CHOICE) {
            return optionLabel(question, id);
        }
        return String.valueOf(value);
    }

    private static String optionLabel(Question question, String optionId) {
        if (ChoiceTally.OTHER.equals(optionId) && question != null && question.other()
                && question.option(optionId).isEmpty()) {
            return "Other";
        }
        return question == null ? optionId : question.option(optionId).map(Option::label).orElse(optionId);
    }

    static String groupLabel(Definition definition, String groupId) {
        return definition.group(groupId).map(Definition.Group::label).orElse(groupId);
    }

    static String date(Instant instant, ZoneId zone) {
        return DATE.format(instant.atZone(zone));
    }

    static String dateTime(Instant instant, ZoneId zone) {
        var local = instant.atZone(zone);
        return DATE.format(local) + " at " + TIME.format(local).toLowerCase(Locale.UK);
    }
}
