package org.consultflow.platform;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Resubmits lifecycle events whose delivery to Kafka failed (broker down), so none is lost; one replica at a time. */
@Component
class OutboxRetry {

    @ConfigurationProperties("consultflow.outbox")
    record OutboxSettings(@DefaultValue("PT1M") Duration retryOlderThan) {}

    private final IncompleteEventPublications incomplete;
    private final OutboxSettings settings;

    OutboxRetry(IncompleteEventPublications incomplete, OutboxSettings settings) {
        this.incomplete = incomplete;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${consultflow.outbox.retry-every:PT30S}")
    @SchedulerLock(name = "outbox-retry", lockAtMostFor = "PT1M")
    public void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(settings.retryOlderThan());
    }
}
