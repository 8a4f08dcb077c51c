package org.consultflow.consultation;

/** The request does not fit the round's current state. */
public class RoundConflictException extends RuntimeException {

    RoundConflictException(String message) {
        super(message);
    }
}
