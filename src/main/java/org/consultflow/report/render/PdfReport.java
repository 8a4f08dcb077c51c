package org.consultflow.report.render;

import org.consultflow.report.draft.Report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.consultflow.consultation.Definition;
import org.springframework.stereotype.Component;

/**
 * The report as a PDF for the meeting pack: the HTML page laid out on A4, charts kept as vectors, the font embedded
 * (a reader without it would otherwise substitute one), and tagged as PDF/UA so that screen readers can follow it.
 */
@Component
class PdfReport {

    static final String FONT = "DejaVu Sans";

    private final HtmlReport html;

    PdfReport(HtmlReport html) {
        this.html = html;
    }

    byte[] render(Report report, Definition definition) {
        return render(report, definition, null);
    }

    byte[] render(Report report, Definition definition, Approval approval) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(html.render(report, definition, approval, true), null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    private static InputStream font(String name) {
        return PdfReport.class.getResourceAsStream("/fonts/" + name);
    }
}
