package org.consultflow.response;

/** An inbound event that can never be recorded; it goes to the dead-letter topic with this reason. */
class RejectedEvent extends RuntimeException {

    RejectedEvent(String reason) {
        super(reason);
    }

    RejectedEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
