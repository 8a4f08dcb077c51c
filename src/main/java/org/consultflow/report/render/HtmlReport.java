package org.consultflow.report.render;

import org.consultflow.report.draft.Report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.consultflow.consultation.Definition;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The report as a standalone GOV.UK-styled HTML page with its charts inline as SVG. The same page, with a print
 * stylesheet instead of GOV.UK's, is what {@link PdfReport} lays out, so the two cannot drift apart.
 */
@Component
public class HtmlReport {

    private final ITemplateEngine templates;

    public HtmlReport(ITemplateEngine templates) {
        this.templates = templates;
    }

    public String render(Report report, Definition definition) {
        return render(report, definition, null, false);
    }

    String render(Report report, Definition definition, Approval approval, boolean print) {
        ReportView view = ReportView.of(report, definition, approval);
        Map<Integer, String> charts = new LinkedHashMap<>();
        view.questions().stream().filter(ReportView.QuestionView::choice)
                .forEach(q -> charts.put(q.number(), BarChart.svg(q)));
        Context context = new Context(Locale.UK);
        context.setVariable("report", view);
        context.setVariable("charts", charts);
        context.setVariable("print", print);
        return templates.process("report/report", context);
    }
}
