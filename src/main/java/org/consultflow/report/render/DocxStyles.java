package org.consultflow.report.render;

import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A blank POI document has no heading styles: these are defined here, named as Word names its own ("Title",
 * "Heading1"...), so that Word treats them as headings for navigation and accessibility checks.
 */
final class DocxStyles {

    private static final String[] HEADINGS = {"Title", "Heading1", "Heading2", "Heading3"};
    private static final int[] SIZES = {40, 32, 26, 22};

    XWPFDocument document() {
        XWPFDocument doc = new XWPFDocument();
        XWPFStyles styles = doc.createStyles();
        for (int level = 0; level < HEADINGS.length; level++) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId(HEADINGS[level]);
            style.addNewName().setVal(level == 0 ? "Title" : "heading " + level);
            style.setType(STStyleType.PARAGRAPH);
            style.addNewQFormat();
            if (level > 0) {
                style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
            }
            var run = style.addNewRPr();
            run.addNewB();
            run.addNewSz().setVal(BigInteger.valueOf(SIZES[level]));
            styles.addStyle(new XWPFStyle(style));
        }
        return doc;
    }

    static void heading(XWPFDocument doc, int level, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(HEADINGS[level]);
        p.createRun().setText(text);
    }

    /** Line breaks the consultee typed become breaks in Word rather than disappearing. */
    static void para(XWPFDocument doc, String text) {
        XWPFRun run = doc.createParagraph().createRun();
        String[] lines = (text == null ? "" : text).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i]);
        }
    }
}
