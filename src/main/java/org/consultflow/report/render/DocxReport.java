package org.consultflow.report.render;

import org.consultflow.report.draft.Report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.consultflow.consultation.Definition;
import org.consultflow.report.render.ReportView.GroupOf;
import org.consultflow.report.render.ReportView.Line;
import org.consultflow.report.render.ReportView.Quote;
import org.springframework.stereotype.Component;

/**
 * The report as a Word document: councils finish their papers in Word. Headings use Word's own heading styles so the
 * navigation pane and a table of contents work; what consultees typed goes in as text runs, never as markup.
 */
@Component
class DocxReport {

    byte[] render(Report report, Definition definition) {
        return render(report, definition, null);
    }

    byte[] render(Report report, Definition definition, Approval approval) {
        ReportView view = ReportView.of(report, definition, approval);
        try (XWPFDocument doc = new DocxStyles().document()) {
            doc.getProperties().getCoreProperties().setTitle(view.title());
            DocxStyles.heading(doc, 0, view.title());
            DocxStyles.para(doc, view.heading().caption() + ". " + view.heading().dated());
            if (view.rehearsal()) {
                DocxStyles.para(doc, "Rehearsal round: the responses below are not real and must not inform a decision.");
            }
            lines(doc, "Summary", view.summary());
            view.commentary().forEach(c -> {
                DocxStyles.heading(doc, 1, c.label());
                DocxStyles.para(doc, c.value());
            });
            lines(doc, "Consultation record", view.record());
            if (view.periodWarning() != null) {
                DocxStyles.para(doc, view.periodWarning());
            }
            DocxStyles.heading(doc, 1, "Response rate");
            List<List<String>> rates = new ArrayList<>();
            rates.add(List.of("Group", "Invited", "Responded", "Rate"));
            view.rates().forEach(r -> rates.add(List.of(r.label() + (r.required() ? " (required)" : ""),
                    "" + r.invited(), "" + r.responded(), r.percentage())));
            rates.add(List.of(view.total().label(), "" + view.total().invited(), "" + view.total().responded(),
                    view.total().percentage()));
            table(doc, rates);
            view.questions().forEach(q -> question(doc, q));
            nonRespondents(doc, view);
            late(doc, view);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The Word report could not be written", e);
        }
    }

    private static void question(XWPFDocument doc, ReportView.QuestionView q)  {
        DocxStyles.heading(doc, 1, "Question " + q.number() + ": " + q.text());
        DocxStyles.para(doc, "Answered by " + q.answered() + (q.answered() == 1 ? " consultee." : " consultees."));
        if (!q.choice()) {
            quotes(doc, q.answers());
            return;
        }
        DocxStyles.para(doc, q.headline());
        try {
            doc.createParagraph().createRun().addPicture(new ByteArrayInputStream(BarChart.png(q)),
                    Document.PICTURE_TYPE_PNG, "chart-" + q.number() + ".png", Units.toEMU(BarChart.WIDTH * 0.7),
                    Units.toEMU(BarChart.height(q) * 0.7));
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("The chart could not be added", e);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("Option", "All consultees"));
        head.addAll(q.groups());
        rows.add(head);
        q.rows().forEach(r -> {
            List<String> row = new ArrayList<>(List.of(r.label(), r.overall() + " (" + r.overallPercent() + ")"));
            for (int i = 0; i < r.byGroup().size(); i++) {
                row.add(r.byGroup().get(i) + " (" + r.byGroupPercent().get(i) + ")");
            }
            rows.add(row);
        });
        table(doc, rows);
        if (!q.other().isEmpty()) {
            DocxStyles.heading(doc, 2, "Other answers");
            quotes(doc, q.other());
        }
    }

    private static void quotes(XWPFDocument doc, List<GroupOf<Quote>> groups) {
        for (GroupOf<Quote> group : groups) {
            DocxStyles.heading(doc, 2, group.group());
            group.items().forEach(quote -> {
                DocxStyles.heading(doc, 3, quote.organisation() + " (" + quote.group() + ")");
                DocxStyles.para(doc, quote.text());
            });
        }
    }

    private static void nonRespondents(XWPFDocument doc, ReportView view) {
        DocxStyles.heading(doc, 1, "Non-respondents");
        if (view.nonRespondents().isEmpty()) {
            DocxStyles.para(doc, "Every consultee responded.");
        }
        view.nonRespondents().forEach(group -> {
            DocxStyles.heading(doc, 2, group.group() + (group.required() ? " (required)" : ""));
            group.items().forEach(n -> DocxStyles.para(doc, (n.required() ? "REQUIRED: " : "") + n.organisation()
                    + (n.chase() == null ? "" : " — " + n.chase())));
        });
    }

    private static void late(XWPFDocument doc, ReportView view) {
        DocxStyles.heading(doc, 1, "Annex: late responses");
        DocxStyles.para(doc, view.lateNote());
        view.late().forEach(l -> {
            DocxStyles.heading(doc, 2, l.organisation() + " (" + l.group() + ")");
            DocxStyles.para(doc, "Received " + l.received() + ", version " + l.version() + ".");
            l.answers().forEach(a -> {
                DocxStyles.heading(doc, 3, a.label());
                DocxStyles.para(doc, a.value());
            });
        });
    }

    private static void lines(XWPFDocument doc, String heading, List<Line> lines) {
        DocxStyles.heading(doc, 1, heading);
        List<List<String>> rows = new ArrayList<>();
        lines.forEach(l -> rows.add(List.of(l.label(), l.value())));
        table(doc, rows);
    }

    private static void table(XWPFDocument doc, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size(), rows.get(0).size());
        table.setWidth("100%");
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                row.getCell(c).setText(rows.get(r).get(c));
            }
        }
        doc.createParagraph();
    }
}
