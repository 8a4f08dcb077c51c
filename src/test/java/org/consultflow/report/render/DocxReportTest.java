package org.consultflow.report.render;

import org.consultflow.report.draft.RoundFixture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class DocxReportTest {

    private final byte[] docx = new DocxReport().render(RoundFixture.draft(), RoundFixture.DEFINITION);

    @Test
    void opensInPoiWithTheTalliesInATable() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable tally = doc.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(0).getText().equals("Option")).findFirst().orElseThrow();
            assertThat(tally.getRow(0).getTableCells()).extracting(c -> c.getText())
                    .containsExactly("Option", "All consultees", "District councils", "Key partners");
            assertThat(tally.getRow(2).getTableCells()).extracting(c -> c.getText())
                    .containsExactly("Model B", "1 (33%)", "1 (50%)", "0 (0%)");
            assertThat(doc.getAllPictures()).hasSize(1);
        }
    }

    @Test
    void usesWordHeadingsForEverySection() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> headings = doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText).toList();
            assertThat(headings).containsSubsequence("Summary", "Consultation record", "Response rate",
                    "Question 2: Which model do you prefer?", "Non-respondents", "Annex: late responses");
        }
    }

    @Test
    void keepsWhatConsulteesTypedAsTextAndNamesTheChaseOutcome() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("Funding <script>alert('x')</script> advice")
                    .contains("REQUIRED: Melton Borough Council — Chased 27 April 2007 at 11:59pm: Will write by letter");
        }
    }

    @Test
    void anApprovedReportIsHeadedAsItsVersionAndNeverAsADraft() throws Exception {
        byte[] approved = new DocxReport().render(RoundFixture.draft(), RoundFixture.DEFINITION, Approvals.SECOND);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(approved));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("Approved report — version 2, approved on 9 May 2007")
                    .doesNotContainIgnoringCase("draft");
        }
    }
}
