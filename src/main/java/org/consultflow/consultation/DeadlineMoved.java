package org.consultflow.consultation;

import java.time.Instant;

/** The coordinator extended a round's deadline or brought it forward; published inside that transaction. */
public record DeadlineMoved(String roundKey, Instant deadline) {
}
