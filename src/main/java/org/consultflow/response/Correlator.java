package org.consultflow.response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands recorded responses to their engagement process. A response that arrives while the engagement is not yet
 * waiting for it (its invitation still being sent, an acknowledgement under way) fails to correlate; it stays in the
 * inbox and is tried again with growing pauses, never dropped.
 * <p>
 * Each batch is split by engagement over {@code consultflow.responses.threads} threads: different engagements are
 * different process instances, so they are correlated side by side, while the versions of one engagement's responses
 * always fall to the same thread and are handed over one after the other, in the order they were recorded.
 */
@Component
class Correlator implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Correlator.class);
    /** How long a claimed response is left alone by other replicas; a crashed claimant's claim simply runs out. */
    static final Duration CLAIM = Duration.ofSeconds(30);

    @ConfigurationProperties("consultflow.responses")
    record CorrelationSettings(@DefaultValue("100") int batch, @DefaultValue("PT1M") Duration maxPause,
            @DefaultValue("4") int threads) {}

    private final Responses responses;
    private final Engagements engagements;
    private final Receipts receipts;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final CorrelationSettings settings;
    private final Clock clock;
    private final ExecutorService workers;

    Correlator(Responses responses, Engagements engagements, Receipts receipts, RuntimeService runtime, TransactionTemplate transactions,
            CorrelationSettings settings, Clock clock) {
        this.responses = responses;
        this.engagements = engagements;
        this.receipts = receipts;
        this.runtime = runtime;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        var threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, settings.threads()), task -> {
            var thread = new Thread(task, "correlator-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(fixedDelayString = "${consultflow.responses.correlate-every:PT0.5S}")
    void correlatePending() throws InterruptedException {
        var now = clock.instant();
        var due = responses.duePending(now, settings.batch());
        if (due.size() <= 1 || settings.threads() <= 1) {
            due.forEach(pending -> take(pending, now));
            return;
        }
        var partitions = new LinkedHashMap<Integer, List<Pending>>();
        for (var pending : due) {
            var partition = Math.floorMod(Objects.hash(pending.roundKey(), pending.consulteeId()), settings.threads());
            partitions.computeIfAbsent(partition, p -> new ArrayList<>()).add(pending);
        }
        var tasks = partitions.values().stream()
                .<Callable<Void>>map(partition -> () -> {
                    partition.forEach(pending -> take(pending, now));
                    return null;
                })
                .toList();
        // Waits for the whole batch, so that the next poll never finds a response that is still being handed over.
        for (var done : workers.invokeAll(tasks)) {
            try {
                done.get();
            } catch (ExecutionException e) {
                log.warn("A correlator thread stopped: {}", e.getCause().toString());
            }
        }
    }

    private void take(Pending pending, Instant now) {
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

    @Override
    public void destroy() {
        workers.shutdownNow();
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
