package org.consultflow.report.render;

import org.consultflow.report.draft.Report;
import org.consultflow.report.draft.Percent;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definition.Group;
import org.consultflow.report.render.ReportView.Line;
import org.consultflow.report.render.ReportView.QuestionView;
import org.consultflow.report.render.ReportView.TallyRow;

/** The report's opening summary: what was asked, of whom and when, how many answered, and what each choice came to. */
final class Summary {

    private Summary() {}

    static List<Line> lines(Report report, Definition definition, List<QuestionView> questions, ZoneId zone) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("What was asked", questions.size() + (questions.size() == 1 ? " question: " : " questions: ")
                + questions.stream().map(QuestionView::text).collect(Collectors.joining(" / "))));
        lines.add(new Line("Of whom", definition.consultees().size() + " organisations in " + definition.groups().size()
                + " stakeholder groups: " + definition.groups().stream().map(g -> group(definition, g))
                        .collect(Collectors.joining(", "))));
        var record = report.record();
        lines.add(new Line("When", ReportView.date(record.opened(), zone) + " to "
                + ReportView.date(record.closed() == null ? record.deadline() : record.closed(), zone)
                + " (" + record.periodDays() + " days)"
                + (record.reportDue() == null ? "" : "; report due " + ReportView.DAY.format(record.reportDue()))));
        var rate = report.responseRate();
        lines.add(new Line("Responses", rate.responded() + " of " + rate.invited() + " (" + rate.percentage() + ") on time; "
                + rate.byGroup().stream().map(g -> g.label() + " " + g.responded() + " of " + g.invited()
                        + " (" + g.percentage() + ")").collect(Collectors.joining(", "))
                + (report.late().isEmpty() ? "" : "; " + report.late().size()
                        + (report.late().size() == 1 ? " late response" : " late responses")
                        + " in the annex, not counted")));
        questions.stream().filter(QuestionView::choice)
                .forEach(q -> lines.add(new Line("Question " + q.number(), q.text() + " — " + q.headline())));
        return List.copyOf(lines);
    }

    private static String group(Definition definition, Group g) {
        long members = definition.consultees().stream().filter(c -> g.id().equals(c.group())).count();
        return g.label() + " (" + members + (g.required() ? ", required)" : ")");
    }

    /** The option most chose; a tie names every option sharing the top count rather than picking one. */
    static String headline(List<TallyRow> rows, int answered) {
        int top = rows.stream().mapToInt(TallyRow::overall).max().orElse(0);
        if (answered == 0 || top == 0) {
            return "No answers were counted.";
        }
        List<String> leaders = rows.stream().filter(r -> r.overall() == top).map(TallyRow::label).toList();
        String share = Percent.words(top, answered);
        if (leaders.size() == 1) {
            return leaders.get(0) + ": " + top + " of " + answered + " answers (" + share + ")";
        }
        return String.join(", ", leaders.subList(0, leaders.size() - 1)) + " and " + leaders.get(leaders.size() - 1)
                + " tied: " + top + " each of " + answered + " answers (" + share
                + " each)";
    }
}
