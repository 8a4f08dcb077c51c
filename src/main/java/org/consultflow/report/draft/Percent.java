package org.consultflow.report.draft;

/** Response rates as a fraction for machines and as a whole percentage for people. */
public final class Percent {

    private Percent() {}

    public static double rate(int part, int whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    /** Never rounds a partial response up to "100%" or a real one down to "0%": readers take those literally. */
    public static String words(int part, int whole) {
        if (whole == 0) {
            return "0%";
        }
        long percent = Math.round(part * 100.0 / whole);
        if (percent == 100 && part < whole) {
            return "over 99%";
        }
        if (percent == 0 && part > 0) {
            return "under 1%";
        }
        return percent + "%";
    }
}
