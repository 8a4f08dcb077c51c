package org.consultflow.report.render;

import org.consultflow.report.draft.Report;

import static org.consultflow.report.render.MarkdownText.cell;
import static org.consultflow.report.render.MarkdownText.quote;
import static org.consultflow.report.render.MarkdownText.text;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.consultflow.consultation.Definition;
import org.consultflow.report.render.ReportView.GroupOf;
import org.consultflow.report.render.ReportView.Line;
import org.consultflow.report.render.ReportView.QuestionView;
import org.consultflow.report.render.ReportView.Quote;
import org.consultflow.report.render.ReportView.RateRow;
import org.springframework.stereotype.Component;

/** The report as a Markdown paper for the decision meeting (GitHub-flavoured tables). */
@Component
public class MarkdownReport {

    public String render(Report report, Definition definition) {
        return render(report, definition, null);
    }

    String render(Report report, Definition definition, Approval approval) {
        ReportView view = ReportView.of(report, definition, approval);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(text(view.title())).append("\n\n");
        md.append("**").append(view.heading().caption()).append(".** ").append(view.heading().dated()).append("\n\n");
        if (view.rehearsal()) {
            md.append("> **Rehearsal round:** the responses below are not real and must not inform a decision.\n\n");
        }
        md.append("## Summary\n\n");
        lines(md, view.summary());
        view.commentary().forEach(c -> md.append("\n## ").append(text(c.label())).append("\n\n")
                .append(text(c.value())).append('\n'));
        md.append("\n## Consultation record\n\n");
        lines(md, view.record());
        if (view.periodWarning() != null) {
            md.append("\n**").append(view.periodWarning()).append("**\n");
        }
        md.append("\n## Response rate\n\n");
        table(md, List.of("Group", "Invited", "Responded", "Rate"));
        view.rates().forEach(r -> rateRow(md, r, cell(r.label()) + (r.required() ? " (required)" : "")));
        rateRow(md, view.total(), "**" + view.total().label() + "**");
        view.questions().forEach(q -> question(md, q));
        nonRespondents(md, view);
        late(md, view);
        return md.toString();
    }

    private static void lines(StringBuilder md, List<Line> lines) {
        lines.forEach(l -> md.append("- ").append(text(l.label())).append(": ").append(text(l.value())).append('\n'));
    }

    private static void rateRow(StringBuilder md, RateRow r, String label) {
        row(md, List.of(label, String.valueOf(r.invited()), String.valueOf(r.responded()), r.percentage()));
    }

    private static void question(StringBuilder md, QuestionView q) {
        md.append("\n## Question ").append(q.number()).append(": ").append(text(q.text())).append("\n\n");
        md.append("Answered by ").append(q.answered()).append(q.answered() == 1 ? " consultee" : " consultees")
                .append(".\n");
        if (q.choice()) {
            md.append("\n**").append(text(q.headline())).append("**\n\n");
            List<String> headings = new ArrayList<>(List.of("Option", "All consultees"));
            q.groups().forEach(g -> headings.add(cell(g)));
            table(md, headings);
            q.rows().forEach(r -> {
                List<String> cells = new ArrayList<>(List.of(cell(r.label()), r.overall() + " (" + r.overallPercent() + ")"));
                for (int i = 0; i < r.byGroup().size(); i++) {
                    cells.add(r.byGroup().get(i) + " (" + r.byGroupPercent().get(i) + ")");
                }
                row(md, cells);
            });
            quotes(md, "Other answers", q.other());
        } else {
            quotes(md, null, q.answers());
        }
    }

    private static void quotes(StringBuilder md, String heading, List<GroupOf<Quote>> groups) {
        if (groups.isEmpty()) {
            return;
        }
        if (heading != null) {
            md.append("\n### ").append(heading).append('\n');
        }
        for (GroupOf<Quote> group : groups) {
            md.append("\n#### ").append(text(group.group())).append('\n');
            for (Quote q : group.items()) {
                md.append("\n**").append(text(q.organisation())).append("** (").append(text(q.group())).append(")\n\n")
                        .append(quote(q.text())).append('\n');
            }
        }
    }

    private static void nonRespondents(StringBuilder md, ReportView view) {
        md.append("\n## Non-respondents\n\n");
        if (view.nonRespondents().isEmpty()) {
            md.append("Every consultee responded.\n");
        }
        for (var group : view.nonRespondents()) {
            md.append("### ").append(text(group.group())).append(group.required() ? " (required)" : "").append("\n\n");
            group.items().forEach(n -> md.append("- ").append(n.required() ? "**Required** " : "")
                    .append(text(n.organisation())).append(" (").append(text(n.group())).append(")")
                    .append(n.chase() == null ? "" : " — " + text(n.chase())).append('\n'));
            md.append('\n');
        }
    }

    private static void late(StringBuilder md, ReportView view) {
        md.append("\n## Annex: late responses\n\n").append(text(view.lateNote())).append('\n');
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
