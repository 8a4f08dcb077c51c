package org.consultflow.report.render;

import org.consultflow.report.draft.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.consultflow.consultation.Definition;
import org.springframework.stereotype.Component;

/**
 * The report's data as CSV for spreadsheets: one row per count (question, option, group) and one per free-text or
 * late answer. A cell that a spreadsheet would run as a formula is prefixed with an apostrophe (OWASP's advice).
 */
@Component
public class CsvReport {

    private static final List<String> HEADER = List.of("section", "question", "option", "group", "organisation",
            "count", "answered", "percentage", "text");

    String render(Report report, Definition definition) {
        ReportView view = ReportView.of(report, definition);
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        view.rates().forEach(r -> rows.add(List.of("response rate", "", "", r.label(), "", "" + r.responded(),
                "" + r.invited(), r.percentage(), "")));
        rows.add(List.of("response rate", "", "", view.total().label(), "", "" + view.total().responded(),
                "" + view.total().invited(), view.total().percentage(), ""));
        for (var q : view.questions()) {
            for (var row : q.rows()) {
                rows.add(List.of("choice", q.text(), row.label(), "All consultees", "", "" + row.overall(),
                        "" + q.answered(), row.overallPercent(), ""));
                for (int i = 0; i < row.byGroup().size(); i++) {
                    rows.add(List.of("choice", q.text(), row.label(), q.groups().get(i), "", "" + row.byGroup().get(i),
                            "", row.byGroupPercent().get(i), ""));
                }
            }
            (q.choice() ? q.other() : q.answers()).forEach(g -> g.items().forEach(a -> rows.add(List.of(
                    q.choice() ? "other answer" : "answer", q.text(), "", a.group(), a.organisation(), "", "", "",
                    a.text()))));
        }
        view.nonRespondents().forEach(g -> g.items().forEach(n -> rows.add(List.of("non-respondent", "", "",
                n.group(), n.organisation(), "", "", "", n.chase() == null ? "" : n.chase()))));
        view.late().forEach(l -> l.answers().forEach(a -> rows.add(List.of("late (not counted)", a.label(), "",
                l.group(), l.organisation(), "", "", "", a.value()))));
        return rows.stream().map(r -> r.stream().map(CsvReport::cell).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    /** One CSV cell, quoted where needed, and never something a spreadsheet would run as a formula. */
    public static String cell(String raw) {
        String value = raw == null ? "" : raw;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || value.startsWith("'")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
