package org.consultflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressesTest {

    @Test
    void acceptsPlainAddresses() {
        assertThat(EmailAddresses.problem("officer@blaby.example.org")).isNull();
        assertThat(EmailAddresses.problem("o'neill+consultations@example.org")).isNull();
    }

    @Test
    void refusesWhatCannotBeMailedAsOneAddress() {
        assertThat(EmailAddresses.valid("Jo <jo@example.org>")).isFalse();
        assertThat(EmailAddresses.valid("jo@example.org, bo@example.org")).isFalse();
        assertThat(EmailAddresses.valid("jo@example.org\r\nBcc: bo@example.org")).isFalse();
        assertThat(EmailAddresses.valid("jo@localhost")).isFalse();
        assertThat(EmailAddresses.valid("jo@@example.org")).isFalse();
        assertThat(EmailAddresses.valid("jo\u0000@example.org")).isFalse();
        assertThat(EmailAddresses.valid("a".repeat(250) + "@example.org")).isFalse();
        assertThat(EmailAddresses.valid("")).isFalse();
        assertThat(EmailAddresses.valid("\"\u0000\"@example.org")).as("quoted NUL").isFalse();
        assertThat(EmailAddresses.valid("\"a\r\n x\"@example.org")).as("quoted folded line").isFalse();
        assertThat(EmailAddresses.valid("\"jo\"@example.org")).isFalse();
    }
}
