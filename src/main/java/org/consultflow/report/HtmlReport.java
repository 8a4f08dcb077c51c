package org.consultflow.report;

import java.util.Locale;
import org.consultflow.consultation.Definition;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The draft report as a standalone GOV.UK-styled HTML page, the same paper as {@link MarkdownReport}. */
@Component
public class HtmlReport {

    private final ITemplateEngine templates;

    public HtmlReport(ITemplateEngine templates) {
        this.templates = templates;
    }

    public String render(Report report, Definition definition) {
        Context context = new Context(Locale.UK);
        context.setVariable("report", ReportView.of(report, definition));
        return templates.process("report/report", context);
    }
}
