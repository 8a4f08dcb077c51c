package org.consultflow.notification;

/**
 * A mail that can never reach its recipient (the address is malformed or the relay refuses it for good). Retrying
 * would only hold up the process, so callers record {@link #reason()} where a coordinator sees it and carry on.
 */
public class UndeliverableMailException extends RuntimeException {

    private final String reason;

    public UndeliverableMailException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    /** Short enough to store and show; no stack trace, never the mail's content. */
    public String reason() {
        return reason;
    }
}
