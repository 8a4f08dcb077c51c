package org.consultflow.response;

/** A failure that passes by itself (a key clash with a concurrent writer, say): the record is tried again. */
class RetryLater extends RuntimeException {

    RetryLater(String reason) {
        super(reason);
    }
}
