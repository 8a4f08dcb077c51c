package org.consultflow.response;

/** How a response reached ConsultFlow. All channels go through the same inbox and count the same. */
public enum Channel {
    /** The consultee's personal link. */
    WEB,
    /** A partner system publishing events, within what the round's definition allows it. */
    PARTNER,
    /** Recorded by a coordinator from a letter, an email or a phone call. */
    LETTER, EMAIL, PHONE
}
