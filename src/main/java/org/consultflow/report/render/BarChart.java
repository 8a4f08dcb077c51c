package org.consultflow.report.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.jfree.chart.axis.AxisLocation;
import org.consultflow.report.render.ReportView.QuestionView;
import org.consultflow.report.render.ReportView.TallyRow;

/**
 * One horizontal bar per option of a choice question, counting every counted answer. Drawn once with JFreeChart: as
 * SVG for the HTML page and the PDF (where it stays vector), as PNG for Word, which edits pictures more happily.
 */
final class BarChart {

    static final int WIDTH = 640;
    private static final int BAR_HEIGHT = 36;
    private static final int MARGIN = 70;
    /** GOV.UK blue: dark enough against white for the bars to read in greyscale print too. */
    private static final Color BAR = new Color(0x1d, 0x70, 0xb8);

    private BarChart() {}

    static DefaultCategoryDataset dataset(QuestionView question) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TallyRow row : question.rows()) {
            data.addValue(row.overall(), "All consultees", row.label());
        }
        return data;
    }

    static int height(QuestionView question) {
        return MARGIN + BAR_HEIGHT * question.rows().size();
    }

    /** The ids inside the SVG derive from the question, so the same report draws byte-identical charts. */
    static String svg(QuestionView question) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, height(question));
        g.setDefsKeyPrefix("q" + question.number() + "-");
        chart(question).draw(g, new java.awt.Rectangle(WIDTH, height(question)));
        // A viewBox lets the page scale the chart to its column, in the browser and in the PDF alike.
        return g.getSVGElement("chart-" + question.number(), true, new ViewBox(0, 0, WIDTH, height(question)), null,
                null);
    }

    static byte[] png(QuestionView question) {
        BufferedImage image = chart(question).createBufferedImage(WIDTH, height(question));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static JFreeChart chart(QuestionView question) {
        NumberAxis counts = new NumberAxis("Number of consultees");
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, BAR);
        bars.setMaximumBarWidth(0.6);
        CategoryPlot plot = new CategoryPlot(dataset(question), new org.jfree.chart.axis.CategoryAxis(), counts, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.GRAY);
        plot.getDomainAxis().setMaximumCategoryLabelLines(3);
        Font font = new Font("DejaVu Sans", Font.PLAIN, 12);
        plot.getDomainAxis().setTickLabelFont(font);
        counts.setTickLabelFont(font);
        counts.setLabelFont(font);
        JFreeChart chart = new JFreeChart(null, font, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart;
    }
}
