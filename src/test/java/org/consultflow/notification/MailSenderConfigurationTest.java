package org.consultflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class MailSenderConfigurationTest {

    @Test
    void namesTheStreamProviderSoThatJakartaMailNeedNotScanTheClassPathForEachMessage() {
        MailSenderConfiguration.nameStreamProvider();

        assertThat(System.getProperty("jakarta.mail.util.StreamProvider"))
                .isEqualTo(MailSenderConfiguration.STREAM_PROVIDER);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailSenderConfiguration.STREAM_PROVIDER);
    }
}
