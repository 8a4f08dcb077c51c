package org.consultflow.report.render;

import org.consultflow.report.draft.RoundFixture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfReportTest {

    private static byte[] pdf;

    @BeforeAll
    static void render() {
        pdf = new PdfReport(new HtmlReport(RoundFixture.templates())).render(RoundFixture.draft(), RoundFixture.DEFINITION);
    }

    @Test
    void holdsTheTalliesSummaryAndNonRespondentsAsText() throws Exception {
        String text = text().replaceAll("\\s+", " ");

        assertThat(text).contains("VCS infrastructure review")
                .contains("Responses 3 of 5 (60%) on time")
                .contains("Model B 1 (33%) 1 (50%) 0 (0%)")
                .contains("District councils (required)")
                .contains("REQUIRED Melton Borough Council")
                .contains("Will write by letter")
                .contains("not counted in any figure above: Arts Council East Midlands (version 1)");
    }

    @Test
    void showsAConsulteesScriptAsText() throws Exception {
        assertThat(text()).contains("Funding <script>alert('x')</script> advice");
    }

    @Test
    void embedsEveryFontAndIsTaggedWithTheTitle() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("VCS infrastructure review – draft report");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
        }
    }

    @Test
    void drawsTheChartAsVectorsNotAPicture() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            StringBuilder drawing = new StringBuilder();
            for (var page : doc.getPages()) {
                drawing.append(new String(page.getContents().readAllBytes(), StandardCharsets.ISO_8859_1));
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDFormXObject form) {
                        drawing.append(new String(form.getContents().readAllBytes(), StandardCharsets.ISO_8859_1));
                    }
                }
            }
            // the bars are paths filled in the chart's blue
            assertThat(drawing).contains("0.1137 0.4392 0.7216 sc");
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    assertThat(page.getResources().getXObject(name))
                            .isNotInstanceOf(org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject.class);
                }
            }
        }
    }

    @Test
    void anApprovedReportIsHeadedAsItsVersionAndNeverAsADraft() throws Exception {
        byte[] approved = new PdfReport(new HtmlReport(RoundFixture.templates())).render(RoundFixture.draft(),
                RoundFixture.DEFINITION, Approvals.SECOND);

        String text = text(approved).replaceAll("\\s+", " ");
        assertThat(text).contains("Approved report — version 2, approved on 9 May 2007")
                .doesNotContainIgnoringCase("draft");
        try (PDDocument doc = Loader.loadPDF(approved)) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("VCS infrastructure review – approved report");
        }
    }

    private static String text() throws Exception {
        return text(pdf);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
