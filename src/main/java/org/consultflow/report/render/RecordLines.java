package org.consultflow.report.render;

import org.consultflow.report.draft.Report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.consultflow.report.draft.Report.Change;
import org.consultflow.report.draft.Report.RecordSummary;
import org.consultflow.report.render.ReportView.Line;

/** The consultation record worded for people: what a challenge to the consultation would ask to see. */
final class RecordLines {

    /** How {@code deadline.moved} is audited: "from <instant> to <instant>". */
    private static final Pattern MOVED = Pattern.compile("from (\\S+) to (\\S+)");
    private static final Map<String, String> CHANNELS = Map.of("WEB", "web form", "PARTNER", "partner system",
            "LETTER", "letter", "EMAIL", "email", "PHONE", "phone", "UNKNOWN", "not recorded");

    private RecordLines() {}

    static List<Line> of(RecordSummary r, ZoneId zone) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Opened", ReportView.dateTime(r.opened(), zone)));
        lines.add(new Line("Deadline", ReportView.dateTime(r.deadline(), zone)));
        lines.add(new Line("Closed", r.closed() == null ? "Not closed yet" : ReportView.dateTime(r.closed(), zone)));
        lines.add(new Line("Times are in", r.timezone()));
        lines.add(new Line("Length of consultation", r.periodDays() + " days (" + r.periodWeeks() + " weeks), "
                + (r.shorterThanUsual() ? "shorter than" : "against") + " the usual " + r.usualWeeks() + " weeks"));
        if (r.shorterThanUsual() && r.shortPeriodReason() != null) {
            lines.add(new Line("Why the period was shorter", r.shortPeriodReason()));
        }
        lines.add(new Line("Reminders sent", reminders(r, zone)));
        lines.add(new Line("Deadline changes", r.changes().isEmpty() ? "None"
                : r.changes().stream().map(c -> change(c, zone)).collect(Collectors.joining("; "))));
        lines.add(new Line("Channels used", r.channels().isEmpty() ? "No responses counted"
                : r.channels().entrySet().stream()
                        .map(e -> CHANNELS.getOrDefault(e.getKey(), e.getKey().toLowerCase()) + " " + e.getValue())
                        .collect(Collectors.joining(", "))));
        lines.add(new Line("Report due", r.reportDue() == null ? "No date set" : ReportView.DAY.format(r.reportDue())));
        return List.copyOf(lines);
    }

    private static String reminders(RecordSummary r, ZoneId zone) {
        if (r.remindersSent() == 0) {
            return "0";
        }
        String to = r.consulteesReminded() > 0 ? " to " + r.consulteesReminded()
                + (r.consulteesReminded() == 1 ? " consultee" : " consultees") : "";
        String last = r.lastReminderAt() == null ? "" : ", the last on " + ReportView.dateTime(r.lastReminderAt(), zone);
        return r.remindersSent() + to + last;
    }

    private static String change(Change c, ZoneId zone) {
        String when = ReportView.dateTime(c.at(), zone) + " by " + c.actor();
        if ("round.closed-now".equals(c.action())) {
            return "closed early on " + when;
        }
        Matcher moved = c.detail() == null ? null : MOVED.matcher(c.detail());
        if (moved != null && moved.matches()) {
            try {
                return "moved from " + ReportView.dateTime(Instant.parse(moved.group(1)), zone) + " to "
                        + ReportView.dateTime(Instant.parse(moved.group(2)), zone) + " on " + when;
            } catch (RuntimeException unparsed) {
                // an older wording of the audit entry: shown as recorded below
            }
        }
        return "moved on " + when + (c.detail() == null ? "" : " (" + c.detail() + ")");
    }
}
