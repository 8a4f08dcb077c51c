package org.consultflow.consultation;

/** A coordinator added a consultee to an open round; published inside that transaction, so its engagement starts with it. */
public record ConsulteeAdded(String roundKey, String consulteeId) {
}
