package org.consultflow.notification;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes a deadline the GOV.UK way, in the zone it carries: "11:59pm on Monday 30 April 2007 (BST)".
 * The zone is always named because consultees may read the mail somewhere else.
 */
public final class Deadlines {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.UK);

    private Deadlines() {}

    public static String format(ZonedDateTime deadline) {
        String zone = " (" + ZONE.format(deadline) + ")";
        LocalTime time = deadline.toLocalTime();
        if (time.getHour() == 0 && time.getMinute() == 0) {
            // "midnight on Tuesday" is read as either end of Tuesday; name the day that is ending instead.
            return "midnight at the end of " + DAY.format(deadline.minusDays(1)) + zone;
        }
        return clock(time) + " on " + DAY.format(deadline) + zone;
    }

    private static String clock(LocalTime time) {
        if (time.getHour() == 12 && time.getMinute() == 0) {
            return "midday";
        }
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String minutes = time.getMinute() == 0 ? "" : String.format(":%02d", time.getMinute());
        return hour + minutes + (time.getHour() < 12 ? "am" : "pm");
    }
}
