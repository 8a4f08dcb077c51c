package org.consultflow.report.render;

import org.consultflow.report.draft.Report;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.consultflow.consultation.Definition;
import org.springframework.stereotype.Component;

/** Renders a report in any {@link ReportFormat}, as the bytes that are sent, mailed and archived. */
@Component
public class ReportRenderer {

    private final HtmlReport html;
    private final PdfReport pdf;
    private final DocxReport docx;
    private final MarkdownReport markdown;
    private final CsvReport csv;
    private final ObjectMapper json;

    ReportRenderer(HtmlReport html, PdfReport pdf, DocxReport docx, MarkdownReport markdown, CsvReport csv,
            ObjectMapper json) {
        this.html = html;
        this.pdf = pdf;
        this.docx = docx;
        this.markdown = markdown;
        this.csv = csv;
        // indented so that the archived JSON reads as well as it diffs
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public byte[] render(ReportFormat format, Report report, Definition definition) {
        return render(format, report, definition, null);
    }

    /** With an {@code approval}, the papers are headed as that approved version instead of as a draft. */
    public byte[] render(ReportFormat format, Report report, Definition definition, Approval approval) {
        return switch (format) {
            case HTML -> utf8(html.render(report, definition, approval, false));
            case PDF -> pdf.render(report, definition, approval);
            case DOCX -> docx.render(report, definition, approval);
            case MARKDOWN -> utf8(markdown.render(report, definition, approval));
            case CSV -> utf8(csv.render(report, definition));
            case JSON -> {
                try {
                    yield json.writeValueAsBytes(report);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** Each choice question's text and headline, worded as in the report's summary. */
    public java.util.List<Headline> headlines(Report report, Definition definition) {
        return ReportView.of(report, definition).questions().stream().filter(ReportView.QuestionView::choice)
                .map(q -> new Headline(q.text(), q.headline())).toList();
    }

    public record Headline(String question, String result) {}

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
