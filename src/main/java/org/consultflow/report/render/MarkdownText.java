package org.consultflow.report.render;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Escapes text a consultee or coordinator typed so it reads as written in Markdown: no stray emphasis, links, HTML,
 * headings or lists, and no pipe breaking a table apart.
 */
final class MarkdownText {

    private static final Pattern INLINE = Pattern.compile("([\\\\`*_\\[\\]<>#|~])|(&)(?=#?\\w+;)");
    private static final Pattern BLOCK_START = Pattern.compile("^([-+=])|^(\\d+)([.)])");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private MarkdownText() {}

    /** Leading spaces are dropped because four of them would turn a line into a code block. */
    static String text(String raw) {
        return LINE_BREAK.splitAsStream(raw == null ? "" : raw)
                .map(line -> BLOCK_START.matcher(INLINE.matcher(line.stripLeading()).replaceAll("\\\\$1$2"))
                        .replaceFirst("$2\\\\$1$3"))
                .collect(Collectors.joining("\n"));
    }

    /** A table cell must stay on one line. */
    static String cell(String raw) {
        return text(raw == null ? "" : LINE_BREAK.matcher(raw.strip()).replaceAll(" "));
    }

    static String quote(String raw) {
        return LINE_BREAK.splitAsStream(text(raw == null ? "" : raw.strip()))
                .map(line -> line.isEmpty() ? ">" : "> " + line)
                .collect(Collectors.joining("\n"));
    }
}
