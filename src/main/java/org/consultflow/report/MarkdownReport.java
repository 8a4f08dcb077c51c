package org.consultflow.report;

import static org.consultflow.report.MarkdownText.cell;
import static org.consultflow.report.MarkdownText.quote;
import static org.consultflow.report.MarkdownText.text;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.consultflow.consultation.Definition;
import org.consultflow.report.ReportView.QuestionView;
import org.consultflow.report.ReportView.Quote;
import org.consultflow.report.ReportView.RateRow;
import org.springframework.stereotype.Component;

/** The draft report as a Markdown paper for the decision meeting (GitHub-flavoured tables). */
@Component
public class MarkdownReport {

    public String render(Report report, Definition definition) {
        ReportView view = ReportView.of(report, definition);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(text(view.title())).append("\n\n");
        md.append("**Draft — for the decision meeting.** Drafted ").append(view.drafted()).append(".\n\n");
        if (view.rehearsal()) {
            md.append("> **Rehearsal round:** the responses below are not real and must not inform a decision.\n\n");
        }
        md.append("## Consultation record\n\n");
        view.record().forEach(l -> md.append("- ").append(l.label()).append(": ").append(text(l.value())).append('\n'));
        if (view.periodWarning() != null) {
            md.append("\n**").append(view.periodWarning()).append("**\n");
        }
        md.append("\n## Response rate\n\n");
        table(md, List.of("Group", "Invited", "Responded", "Rate"));
        view.rates().forEach(r -> rateRow(md, r, cell(r.label()) + (r.required() ? " (required)" : "")));
        rateRow(md, view.total(), "**" + view.total().label() + "**");
        for (int i = 0; i < view.questions().size(); i++) {
            question(md, i + 1, view.questions().get(i));
        }
        nonRespondents(md, view);
        late(md, view);
        return md.toString();
    }

    private static void rateRow(StringBuilder md, RateRow r, String label) {
        row(md, List.of(label, String.valueOf(r.invited()), String.valueOf(r.responded()), r.percentage()));
    }

    private static void question(StringBuilder md, int number, QuestionView q) {
        md.append("\n## Question ").append(number).append(": ").append(text(q.text())).append("\n\n");
        md.append("Answered by ").append(q.answered()).append(q.answered() == 1 ? " consultee" : " consultees")
                .append(".\n");
        if (q.choice()) {
            md.append('\n');
            table(md, cells("Option", "All consultees", q.groups().stream().map(MarkdownText::cell)));
            q.rows().forEach(r -> row(md, cells(cell(r.label()), String.valueOf(r.overall()),
                    r.byGroup().stream().map(String::valueOf))));
            quotes(md, "Other answers", q.other());
        } else {
            quotes(md, null, q.answers());
        }
    }

    private static List<String> cells(String first, String second, Stream<String> rest) {
        return Stream.concat(Stream.of(first, second), rest).toList();
    }

    private static void quotes(StringBuilder md, String heading, List<Quote> quotes) {
        if (quotes.isEmpty()) {
            return;
        }
        if (heading != null) {
            md.append("\n### ").append(heading).append('\n');
        }
        for (Quote q : quotes) {
            md.append("\n**").append(text(q.organisation())).append("** (").append(text(q.group())).append(")\n\n")
                    .append(quote(q.text())).append('\n');
        }
    }

    private static void nonRespondents(StringBuilder md, ReportView view) {
        md.append("\n## Non-respondents\n\n");
        if (view.nonRespondents().isEmpty()) {
            md.append("Every consultee responded.\n");
        }
        view.nonRespondents().forEach(n -> md.append("- ").append(n.required() ? "**Required** " : "")
                .append(text(n.organisation())).append(" (").append(text(n.group())).append(")\n"));
    }

    private static void late(StringBuilder md, ReportView view) {
        md.append("\n## Annex: late responses\n\n");
        md.append(view.late().isEmpty()
                ? "No responses arrived after the close.\n"
                : "These arrived after the close. They are not counted above.\n");
        view.late().forEach(l -> {
            md.append("\n### ").append(text(l.organisation())).append(" (").append(text(l.group())).append(")\n\n")
                    .append("Received ").append(l.received()).append(", version ").append(l.version()).append(".\n");
            l.answers().forEach(a -> md.append("\n**").append(text(a.label())).append("**\n\n")
                    .append(quote(a.value())).append('\n'));
        });
    }

    /** Header row plus alignment row: every column after the first holds numbers, so is right-aligned. */
    private static void table(StringBuilder md, List<String> headings) {
        row(md, headings);
        String align = headings.stream().skip(1).map(h -> "---:").collect(Collectors.joining(" | ", "| --- | ", " |"));
        md.append(align).append('\n');
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append(cells.stream().collect(Collectors.joining(" | ", "| ", " |"))).append('\n');
    }
}
