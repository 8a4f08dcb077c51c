package org.consultflow.notification;

/** A consultation document as it appears in an invitation: its title, linked to where it can be read. */
public record DocumentLink(String title, String url) {}
