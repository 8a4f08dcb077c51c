package org.consultflow.notification;

/** A file sent with a mail, as its bytes: the approved report's PDF is attached exactly as it was frozen. */
public record Attachment(String fileName, String contentType, byte[] content) {}
