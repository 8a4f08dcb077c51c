package org.consultflow.report.render;

import java.util.Arrays;
import java.util.Optional;

/** The formats a report is rendered in, with the media type asked for in {@code Accept} and the file extension. */
public enum ReportFormat {
    HTML("text/html", "html"),
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    MARKDOWN("text/markdown", "md"),
    JSON("application/json", "json"),
    CSV("text/csv", "csv");

    final String mediaType;
    final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** Text formats are sent as UTF-8 and say so; the binary ones have no charset. */
    public String contentType() {
        return this == PDF || this == DOCX ? mediaType : mediaType + ";charset=UTF-8";
    }

    public String fileName(String roundKey) {
        return roundKey + "-report." + extension;
    }

    public static Optional<ReportFormat> byExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }
}
