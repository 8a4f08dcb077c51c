package org.consultflow.engagement;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RuntimeService;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.consultflow.consultation.Rounds;
import org.consultflow.platform.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the engagements of closed rounds to stop waiting. A sweep rather than a single message at closing time:
 * engagements whose invitation was still queued when the round closed start waiting later, and are caught the next
 * time round. Works in small batches on one replica at a time; each batch is shared out over
 * {@code consultflow.engagement.closing-threads} threads, each telling its share in a transaction of its own (the
 * engagements are separate process instances, so they do not contend).
 */
@Component
class ClosingSweep implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClosingSweep.class);
    static final int BATCH = 200;

    private final Rounds rounds;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int threads;
    private final ExecutorService workers;

    ClosingSweep(Rounds rounds, RuntimeService runtime, TransactionTemplate transactions, Clock clock,
            @Value("${consultflow.engagement.closing-threads:2}") int threads) {
        this.rounds = rounds;
        this.runtime = runtime;
        this.transactions = transactions;
        this.clock = clock;
        this.threads = Math.max(1, threads);
        var named = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(this.threads, task -> {
            var thread = new Thread(task, "closing-sweep-" + named.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(fixedDelayString = "${consultflow.engagement.closing-sweep-every:PT2S}")
    @SchedulerLock(name = "closing-sweep", lockAtMostFor = "PT1M")
    public void sweep() {
        for (var roundKey : rounds.closedSince(clock.instant().minus(Duration.ofDays(7)))) {
            try (var context = LogContext.of(roundKey)) {
                int closed;
                do {
                    closed = closeBatch(roundKey);
                    if (closed > 0) {
                        log.info("Round {}: told {} engagement(s) that the round has closed", roundKey, closed);
                    }
                } while (closed == BATCH);
            }
        }
    }

    private int closeBatch(String roundKey) {
        var waiting = runtime.createExecutionQuery()
                .messageEventSubscriptionName("RoundClosed")
                .processVariableValueEquals("roundKey", roundKey)
                .listPage(0, BATCH);
        var shares = new ArrayList<List<String>>();
        for (int i = 0; i < waiting.size(); i++) {
            if (i < threads) {
                shares.add(new ArrayList<>());
            }
            shares.get(i % threads).add(waiting.get(i).getId());
        }
        var tasks = shares.stream().<Callable<Void>>map(share -> () -> {
            try (var context = LogContext.of(roundKey)) {
                transactions.executeWithoutResult(status ->
                        share.forEach(execution -> runtime.messageEventReceived("RoundClosed", execution)));
            }
            return null;
        }).toList();
        try {
            for (var done : workers.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("closing sweep interrupted", e);
        } catch (ExecutionException e) {
            // A share that failed (an engagement moving on at the same moment) is simply found again next time.
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
        return waiting.size();
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
