package org.consultflow.consultation;

/** The request does not fit the round's current state (or its engagement's): 409 for the API. */
public class RoundConflictException extends RuntimeException {

    public RoundConflictException(String message) {
        super(message);
    }
}
