package org.consultflow.notification;

/** One answer as the consultee will read it back: the question's text and their answer in words. */
public record AnswerCopy(String question, String answer) {}
