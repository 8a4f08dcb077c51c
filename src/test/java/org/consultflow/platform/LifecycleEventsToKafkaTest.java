package org.consultflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LifecycleEventsToKafkaTest {

    @Test
    void aResubmittedEventKeepsItsCloudEventId() {
        var data = "{\"roundKey\":\"vcs\",\"sentAt\":\"2007-02-14T09:00:00Z\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(LifecycleEventsToKafka.id("consultation.invitation.sent", data))
                .isEqualTo(LifecycleEventsToKafka.id("consultation.invitation.sent", data.clone()));
    }

    @Test
    void differentEventsGetDifferentIds() {
        var first = "{\"sentAt\":\"2007-02-14T09:00:00Z\"}".getBytes(StandardCharsets.UTF_8);
        var second = "{\"sentAt\":\"2007-02-14T09:00:01Z\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(LifecycleEventsToKafka.id("consultation.reminder.sent", first))
                .isNotEqualTo(LifecycleEventsToKafka.id("consultation.reminder.sent", second))
                .isNotEqualTo(LifecycleEventsToKafka.id("consultation.invitation.sent", first));
    }
}
