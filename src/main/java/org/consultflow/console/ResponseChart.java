package org.consultflow.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * Responses over time as a small SVG step line drawn here rather than with JFreeChart: it is redrawn every few
 * seconds while a round is open, and a hand-written SVG carries its own title and description for screen readers.
 * The same figures go in a table beside it for anyone who cannot see it.
 */
record ResponseChart(String svg, String summary, List<Point> points) {

    record Point(String at, int responded) {}

    private static final int WIDTH = 600;
    private static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int BOTTOM = 32;
    private static final int TOP = 12;
    private static final int RIGHT = 12;
    private static final int TABLE_ROWS = 8;

    /**
     * @param firsts when each consultee that responded first did, in any order
     * @param end the deadline, or now if the round is still open and that comes first
     */
    static ResponseChart of(Instant opens, Instant end, List<Instant> firsts, int invited, ZoneId zone) {
        var times = firsts.stream().sorted().toList();
        if (!end.isAfter(opens)) {
            end = opens.plusSeconds(1);
        }
        var span = Duration.between(opens, end).toMillis();
        var top = Math.max(invited, 1);
        var plotWidth = WIDTH - LEFT - RIGHT;
        var plotHeight = HEIGHT - TOP - BOTTOM;
        var path = new StringBuilder("M" + LEFT + "," + (TOP + plotHeight));
        var count = 0;
        for (var at : times) {
            var clamped = at.isBefore(opens) ? opens : at.isAfter(end) ? end : at;
            var x = LEFT + plotWidth * (double) Duration.between(opens, clamped).toMillis() / span;
            path.append(String.format(Locale.ROOT, " H%.1f", x));
            count++;
            path.append(String.format(Locale.ROOT, " V%.1f", TOP + plotHeight - plotHeight * (double) count / top));
        }
        path.append(" H").append(LEFT + plotWidth);
        var summary = count + " of " + invited + " consultees had responded by " + Formats.shortTime(end, zone)
                + ", from the round opening on " + Formats.shortTime(opens, zone) + ".";
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"console-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" focusable=\"false\">")
                .append("<title id=\"chart-title\">Responses over time</title>")
                .append("<desc id=\"chart-desc\">").append(HtmlUtils.htmlEscape(summary)).append("</desc>")
                .append(axis(LEFT, TOP, LEFT, TOP + plotHeight))
                .append(axis(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight))
                .append(label(LEFT - 6, TOP + 5, "end", Integer.toString(invited)))
                .append(label(LEFT - 6, TOP + plotHeight, "end", "0"))
                .append(label(LEFT, HEIGHT - 10, "start", Formats.shortTime(opens, zone)))
                .append(label(LEFT + plotWidth, HEIGHT - 10, "end", Formats.shortTime(end, zone)))
                .append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"3\"/>")
                .append("</svg>");
        return new ResponseChart(svg.toString(), summary, table(opens, end, times, zone));
    }

    /** The count at evenly spaced moments: enough to read the shape without a row per response. */
    private static List<Point> table(Instant opens, Instant end, List<Instant> times, ZoneId zone) {
        var points = new ArrayList<Point>();
        var step = Duration.between(opens, end).dividedBy(TABLE_ROWS);
        for (int i = 1; i <= TABLE_ROWS; i++) {
            var at = i == TABLE_ROWS ? end : opens.plus(step.multipliedBy(i));
            points.add(new Point(Formats.shortTime(at, zone), (int) times.stream().filter(t -> !t.isAfter(at)).count()));
        }
        return points;
    }

    private static String axis(int x1, int y1, int x2, int y2) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2
                + "\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>";
    }

    private static String label(int x, int y, String anchor, String text) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor
                + "\" font-family=\"Arial, sans-serif\" font-size=\"13\" fill=\"#0b0c0c\">" + HtmlUtils.htmlEscape(text)
                + "</text>";
    }
}
