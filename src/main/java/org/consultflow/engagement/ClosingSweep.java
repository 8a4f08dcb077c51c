package org.consultflow.engagement;

import java.time.Clock;
import java.time.Duration;

import org.camunda.bpm.engine.RuntimeService;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.consultflow.consultation.Rounds;
import org.consultflow.platform.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the engagements of closed rounds to stop waiting. A sweep rather than a single message at closing time:
 * engagements whose invitation was still queued when the round closed start waiting later, and are caught the next
 * time round. Works in small batches, each in its own transaction, on one replica at a time.
 */
@Component
class ClosingSweep {

    private static final Logger log = LoggerFactory.getLogger(ClosingSweep.class);
    static final int BATCH = 200;

    private final Rounds rounds;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ClosingSweep(Rounds rounds, RuntimeService runtime, TransactionTemplate transactions, Clock clock) {
        this.rounds = rounds;
        this.runtime = runtime;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${consultflow.engagement.closing-sweep-every:PT2S}")
    @SchedulerLock(name = "closing-sweep", lockAtMostFor = "PT1M")
    public void sweep() {
        for (var roundKey : rounds.closedSince(clock.instant().minus(Duration.ofDays(7)))) {
            try (var context = LogContext.of(roundKey)) {
                int closed;
                do {
                    closed = transactions.execute(status -> closeBatch(roundKey));
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
        for (var execution : waiting) {
            runtime.messageEventReceived("RoundClosed", execution.getId());
        }
        return waiting.size();
    }
}
