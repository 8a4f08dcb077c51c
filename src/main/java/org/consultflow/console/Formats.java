package org.consultflow.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.consultflow.consultation.RoundStatus;
import org.consultflow.notification.Deadlines;

/** Dates, rates and statuses written the way the console's pages show them. */
final class Formats {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy, h:mma", Locale.UK);

    private Formats() {
    }

    /** "11:59pm on Monday 30 April 2007 (BST)", as consultees read their deadline. */
    static String deadline(Instant at, ZoneId zone) {
        return at == null ? "" : Deadlines.format(at.atZone(zone));
    }

    /** "14 Feb 2007, 9:00am" for tables, in the round's zone. */
    static String shortTime(Instant at, ZoneId zone) {
        return at == null ? "" : SHORT.format(at.atZone(zone)).replace("AM", "am").replace("PM", "pm");
    }

    /** Whole days left, counted up, since "0 days left" would read as already closed. */
    static String daysLeft(Instant deadline, Instant now, boolean open) {
        if (!open) {
            return "Closed";
        }
        var left = Duration.between(now, deadline);
        if (left.isNegative() || left.isZero()) {
            return "Closing";
        }
        if (left.toHours() < 24) {
            return "Less than a day";
        }
        var days = (left.toHours() + 23) / 24;
        return days == 1 ? "1 day" : days + " days";
    }

    static String rate(int responded, int invited) {
        return invited == 0 ? "–" : Math.round(100.0 * responded / invited) + "%";
    }

    static String status(RoundStatus status) {
        return switch (status) {
            case OPEN -> "Open";
            case CLOSED -> "Closed";
            case REPORT_DRAFTED -> "Report in review";
            case APPROVED -> "Approved";
        };
    }

    /** GOV.UK tag colour: green while answers are taken, yellow while the coordinator has the report to review. */
    static String tagClass(RoundStatus status) {
        return switch (status) {
            case OPEN -> "govuk-tag--green";
            case CLOSED -> "govuk-tag--grey";
            case REPORT_DRAFTED -> "govuk-tag--yellow";
            case APPROVED -> "govuk-tag--blue";
        };
    }
}
