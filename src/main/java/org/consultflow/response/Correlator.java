package org.consultflow.response;

import java.time.Clock;
import java.time.Duration;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.consultflow.engagement.Engagement;
import org.consultflow.engagement.Engagements;
import org.consultflow.platform.LogContext;
import org.consultflow.response.Responses.Correlation;
import org.consultflow.response.Responses.Pending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands recorded responses to their engagement process. A response that arrives while the engagement is not yet
 * waiting for it (its invitation still being sent, an acknowledgement under way) fails to correlate; it stays in the
 * inbox and is tried again with growing pauses, never dropped.
 */
@Component
class Correlator {

    private static final Logger log = LoggerFactory.getLogger(Correlator.class);
    /** How long a claimed response is left alone by other replicas; a crashed claimant's claim simply runs out. */
    static final Duration CLAIM = Duration.ofSeconds(30);

    @ConfigurationProperties("consultflow.responses")
    record CorrelationSettings(@DefaultValue("100") int batch, @DefaultValue("PT1M") Duration maxPause) {}

    private final Responses responses;
    private final Engagements engagements;
    private final Receipts receipts;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final CorrelationSettings settings;
    private final Clock clock;

    Correlator(Responses responses, Engagements engagements, Receipts receipts, RuntimeService runtime, TransactionTemplate transactions,
            CorrelationSettings settings, Clock clock) {
        this.responses = responses;
        this.engagements = engagements;
        this.receipts = receipts;
        this.runtime = runtime;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${consultflow.responses.correlate-every:PT0.5S}")
    void correlatePending() {
        var now = clock.instant();
        for (var pending : responses.duePending(now, settings.batch())) {
            try (var context = LogContext.of(pending.roundKey(), pending.consulteeId())) {
                if (responses.claim(pending, now.plus(CLAIM))) {
                    try {
                        correlate(pending);
                    } catch (RuntimeException e) {
                        // Whatever went wrong with this one, the others in the batch still get their turn.
                        log.warn("Response {} for {}:{} could not be handed over yet: {}", pending.eventId(),
                                pending.roundKey(), pending.consulteeId(), e.toString());
                        retryLater(pending, e.toString());
                    }
                }
            }
        }
    }

    private void correlate(Pending pending) {
        var businessKey = Engagement.businessKey(pending.roundKey(), pending.consulteeId());
        try {
            transactions.executeWithoutResult(status -> {
                runtime.createMessageCorrelation("ResponseReceived")
                        .processInstanceBusinessKey(businessKey)
                        .setVariable("responseVersion", pending.version())
                        .correlateWithResult();
                responses.correlation(pending, Correlation.CORRELATED, null);
                // An event recorded before its engagement existed could not mark it; this one can.
                engagements.responded(pending.roundKey(), pending.consulteeId(), clock.instant());
            });
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
            notWaiting(pending, e.getMessage());
        }
    }

    private void notWaiting(Pending pending, String reason) {
        if (engagementEnded(pending)) {
            // Recorded on time, but the round closed before the engagement took it: the response counts, and its
            // sender still gets the receipt the engagement would have sent. A failing mail leaves it to retry.
            try {
                receipts.send(pending.roundKey(), pending.consulteeId(), pending.version());
                responses.correlation(pending, Correlation.NOT_CORRELATED, "engagement had ended");
                log.info("Response {} for {}:{} came as its engagement ended; receipt sent directly",
                        pending.eventId(), pending.roundKey(), pending.consulteeId());
                return;
            } catch (RuntimeException e) {
                reason = "receipt failed: " + e.getMessage();
            }
        }
        retryLater(pending, reason);
    }

    private void retryLater(Pending pending, String reason) {
        var attempts = pending.attempts() + 1;
        var pause = Duration.ofMillis(Math.min(settings.maxPause().toMillis(), 250L << Math.min(attempts, 20)));
        responses.retryLater(pending, attempts, clock.instant().plus(pause), reason);
    }

    /** Engagement rows and processes are created together: a row without a process is an ended engagement. */
    private boolean engagementEnded(Pending pending) {
        return engagements.find(pending.roundKey(), pending.consulteeId()).isPresent()
                && runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(Engagement.businessKey(pending.roundKey(), pending.consulteeId()))
                        .count() == 0;
    }
}
