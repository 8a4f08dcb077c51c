package org.consultflow.consultation;

import java.time.Instant;

/**
 * The coordinator extended a round's deadline or brought it forward; published inside that transaction.
 * {@code previous} is the deadline it had until then.
 */
public record DeadlineMoved(String roundKey, Instant deadline, Instant previous) {

    public boolean extended() {
        return previous == null || deadline.isAfter(previous);
    }
}
