package org.consultflow.consultation;

/** The round has no consultee with this id. */
public class UnknownConsulteeException extends RuntimeException {

    public UnknownConsulteeException(String roundKey, String consulteeId) {
        super("The round '" + roundKey + "' has no consultee with the id '" + consulteeId + "'");
    }
}
