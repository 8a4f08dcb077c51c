package org.consultflow.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definition.Option;
import org.consultflow.consultation.Definition.Question;
import org.consultflow.consultation.Definition.QuestionType;
import org.consultflow.report.Report.Answer;
import org.consultflow.report.Report.QuestionSummary;
import org.consultflow.report.Report.RecordSummary;

/**
 * The report worded for people: labels instead of ids, dates in the round's time zone. Both renderings read this, so
 * the Markdown and HTML papers cannot drift apart. Text here is raw; each renderer escapes it for its format.
 */
record ReportView(
        String title,
        String drafted,
        List<Line> record,
        String periodWarning,
        boolean rehearsal,
        List<RateRow> rates,
        RateRow total,
        List<QuestionView> questions,
        List<NonRespondentView> nonRespondents,
        List<LateView> late) {

    record Line(String label, String value) {}

    record RateRow(String label, boolean required, int invited, int responded, String percentage) {}

    record QuestionView(String text, boolean choice, int answered, List<String> groups, List<TallyRow> rows,
            List<Quote> other, List<Quote> answers) {}

    record TallyRow(String label, int overall, List<Integer> byGroup) {}

    record Quote(String organisation, String group, String text) {}

    record NonRespondentView(String organisation, String group, boolean required) {}

    record LateView(String organisation, String group, String received, int version, List<Line> answers) {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    static ReportView of(Report report, Definition definition) {
        ZoneId zone = ZoneId.of(report.record().timezone());
        List<RateRow> rates = report.responseRate().byGroup().stream()
                .map(g -> new RateRow(g.label(), g.required(), g.invited(), g.responded(), g.percentage()))
                .toList();
        var all = report.responseRate();
        return new ReportView(
                report.title(),
                dateTime(report.draftedAt(), zone),
                record(report.record(), zone),
                report.record().shorterThanUsual()
                        ? "The consultation period was shorter than the usual " + report.record().usualWeeks()
                                + " weeks set by the 2007 Code of Practice on Consultation. The paper should say why."
                        : null,
                report.record().rehearsal(),
                rates,
                new RateRow("All consultees", false, all.invited(), all.responded(), all.percentage()),
                report.questions().stream().map(q -> question(q, definition, groupLabels(report))).toList(),
                report.nonRespondents().stream()
                        .map(n -> new NonRespondentView(n.organisation(), groupLabel(definition, n.group()), n.required()))
                        .toList(),
                report.late().stream()
                        .map(l -> new LateView(l.organisation(), groupLabel(definition, l.group()),
                                dateTime(l.submittedAt(), zone), l.version(), answers(l.answers(), definition)))
                        .toList());
    }

    private static List<Line> record(RecordSummary r, ZoneId zone) {
        String length = r.periodDays() + " days (" + r.periodWeeks() + " weeks), "
                + (r.shorterThanUsual() ? "shorter than" : "against") + " the usual " + r.usualWeeks() + " weeks";
        return List.of(
                new Line("Opened", dateTime(r.opened(), zone)),
                new Line("Deadline", dateTime(r.deadline(), zone)),
                new Line("Closed", r.closed() == null ? "Not closed yet" : dateTime(r.closed(), zone)),
                new Line("Times are in", r.timezone()),
                new Line("Length of consultation", length),
                new Line("Reminders sent", String.valueOf(r.remindersSent())));
    }

    private static List<String> groupLabels(Report report) {
        return report.responseRate().byGroup().stream().map(Report.GroupRate::label).toList();
    }

    private static QuestionView question(QuestionSummary q, Definition definition, List<String> groups) {
        if (q.overall() == null) {
            return new QuestionView(q.text(), false, q.answered(), groups, List.of(), List.of(),
                    quotes(q.answers(), definition));
        }
        Question question = definition.question(q.id()).orElse(null);
        List<TallyRow> rows = new ArrayList<>();
        q.overall().forEach((option, count) -> rows.add(new TallyRow(optionLabel(question, option), count,
                q.byGroup().values().stream().map(g -> g.getOrDefault(option, 0)).toList())));
        return new QuestionView(q.text(), true, q.answered(), groups, rows, quotes(q.other(), definition), List.of());
    }

    private static List<Quote> quotes(List<Answer> answers, Definition definition) {
        return answers.stream()
                .map(a -> new Quote(a.organisation(), groupLabel(definition, a.group()), a.text()))
                .toList();
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

    private static String groupLabel(Definition definition, String groupId) {
        return definition.group(groupId).map(Definition.Group::label).orElse(groupId);
    }

    private static String dateTime(Instant instant, ZoneId zone) {
        var local = instant.atZone(zone);
        return DATE.format(local) + " at " + TIME.format(local).toLowerCase(Locale.UK);
    }
}
