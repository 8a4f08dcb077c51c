package org.consultflow.consultation;

/** No round has this key. */
public class UnknownRoundException extends RuntimeException {

    public UnknownRoundException(String key) {
        super("There is no consultation round with the key '" + key + "'");
    }
}
