package org.consultflow.engagement;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consultflow.consultation.ConsulteeAdded;
import org.consultflow.consultation.Definition.Consultee;
import org.consultflow.consultation.Round;
import org.consultflow.consultation.Rounds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Start engagements": one engagement process per consultee (business key {@code <roundKey>:<consulteeId>}), so
 * consultees never contend for one process instance. Each starts with an async invitation, so this step only creates
 * work; the mail goes out from the job executor.
 * <p>
 * A round of 10,000 consultees takes longer than an engine job's lock (30 s): a second executor would take the job
 * over while the first still works on it, and the two would collide on the same consultees. So one run works for at
 * most {@code consultflow.engagement.start-budget} (10 s: well inside the lock, with room for the chunk under way
 * when it runs out) and then sets {@code engagementsPending}, and the model runs this step again as a job of its own
 * (a fresh lock) until every engagement is started. The engagements are started in chunks that each commit on
 * their own, and a run picks up after the consultees already started, so a job run again after a crash finishes the
 * work instead of starting it over. The chunks run on a thread of their own because the engine would otherwise fold
 * them into this job's transaction.
 */
@Component("startEngagements")
class StartEngagements implements JavaDelegate {

    static final String PROCESS = "consultee-engagement";

    private final Rounds rounds;
    private final Engagements engagements;
    private final PersonalLinks links;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final ExecutorService chunks = Executors.newSingleThreadExecutor(r -> new Thread(r, "engagement-start"));
    private final Clock clock;
    private final Duration budget;
    private final int chunkSize;

    StartEngagements(Rounds rounds, Engagements engagements, PersonalLinks links, RuntimeService runtime,
            TransactionTemplate transactions, Clock clock,
            @Value("${consultflow.engagement.start-budget:PT10S}") Duration budget,
            @Value("${consultflow.engagement.start-chunk:200}") int chunkSize) {
        this.clock = clock;
        this.budget = budget;
        this.chunkSize = chunkSize;
        this.rounds = rounds;
        this.engagements = engagements;
        this.links = links;
        this.runtime = runtime;
        this.transactions = transactions;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        var round = rounds.get((String) execution.getVariable("roundKey"));
        var started = new HashSet<String>();
        engagements.ofRound(round.key()).forEach(engagement -> started.add(engagement.consulteeId()));
        var pending = round.definition().consultees().stream().filter(c -> !started.contains(c.id())).toList();
        var until = clock.instant().plus(budget);
        int from = 0;
        // At least one chunk per run, however short the budget: every run makes progress.
        while (from < pending.size() && (from == 0 || clock.instant().isBefore(until))) {
            var chunk = pending.subList(from, Math.min(from + chunkSize, pending.size()));
            try {
                chunks.submit(() -> transactions.executeWithoutResult(status -> start(round, chunk))).get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            from += chunk.size();
        }
        execution.setVariable("engagementsPending", from < pending.size());
    }

    /** A consultee added to the open round starts its engagement with the addition, and is invited like the others. */
    @EventListener
    void on(ConsulteeAdded added) {
        var round = rounds.get(added.roundKey());
        if (engagements.find(round.key(), added.consulteeId()).isEmpty()) {
            start(round, List.of(round.definition().consultee(added.consulteeId()).orElseThrow()));
        }
    }

    private void start(Round round, List<Consultee> chunk) {
        var definition = round.definition();
        for (var consultee : chunk) {
            var required = definition.isRequired(consultee);
            var token = links.token(round.key(), consultee.id());
            engagements.add(round.key(), consultee.id(), consultee.group(), required, PersonalLinks.hash(token));
            runtime.startProcessInstanceByKey(PROCESS, Engagement.businessKey(round.key(), consultee.id()),
                    Map.of("roundKey", round.key(), "consulteeId", consultee.id(), "required", required));
        }
    }

    @PreDestroy
    void stop() {
        chunks.shutdownNow();
    }
}
