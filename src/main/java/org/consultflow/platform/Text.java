package org.consultflow.platform;

/**
 * Checks and shapes text that came from outside. PostgreSQL refuses a NUL in text, mail headers and log lines must not
 * carry line breaks an attacker chose, and a lone surrogate is no character at all: such input is refused where it
 * enters, and whatever is echoed into a log or a reason is made printable first.
 */
public final class Text {

    private Text() {
    }

    /**
     * The first character a stored text may not hold, as a readable name such as {@code U+0000}, or null when there is
     * none. Tabs and line breaks are allowed where {@code multiline}: free-text answers have paragraphs.
     */
    public static String forbiddenCharacter(String text, boolean multiline) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean layout = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && !(multiline && layout)) {
                return "U+%04X".formatted((int) c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "U+%04X".formatted((int) c);
            }
        }
        return null;
    }

    /** For logs and reasons: control characters shown as {@code \u0000}, cut to {@code max} characters. */
    public static String printable(String text, int max) {
        if (text == null) {
            return "null";
        }
        var out = new StringBuilder(Math.min(text.length(), max) + 16);
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append("\\u%04x".formatted((int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= max && text.length() > max) {
            out.setLength(max);
            out.append("...");
        }
        return out.toString();
    }

    public static String printable(String text) {
        return printable(text, 200);
    }
}
