package org.consultflow.scale;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * The engine beneath ConsultFlow, with nothing of ConsultFlow in it: a one-step process that waits in a receive task,
 * started by business key and handed a message by business key, on the same engine, database and history level.
 * It is the floor a consultee's engagement and its response cannot go below.
 */
public final class EngineBaseline {

    static final String PROCESS = "scale-baseline-waiting";
    static final String MESSAGE = "ScaleBaselineResponse";

    private final RuntimeService runtime;

    public EngineBaseline(RepositoryService repository, RuntimeService runtime) {
        this.runtime = runtime;
        var model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent().receiveTask("Activity_WaitForResponse").message(MESSAGE).endEvent().done();
        repository.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model)
                .enableDuplicateFiltering(true).deploy();
    }

    /** Starts {@code n} waiting instances on one thread; returns starts per second. */
    public double start(String prefix, int n) {
        var t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            runtime.startProcessInstanceByKey(PROCESS, prefix + i, Map.of("roundKey", prefix, "consulteeId", "c" + i));
        }
        return n / ((System.nanoTime() - t) / 1e9);
    }

    /** Correlates one message into each of the {@code n} instances of {@code prefix} on {@code threads} threads. */
    public double correlate(String prefix, int n, int threads) throws InterruptedException {
        var next = new AtomicInteger();
        var failure = new java.util.concurrent.atomic.AtomicReference<RuntimeException>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var t = System.nanoTime();
        for (int w = 0; w < threads; w++) {
            pool.execute(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(prefix + i).correlate();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
            throw new IllegalStateException("correlation baseline did not finish");
        }
        var rate = n / ((System.nanoTime() - t) / 1e9);
        if (failure.get() != null) {
            throw failure.get();
        }
        var left = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKeyLike(prefix + "%").count();
        if (left > 0) {
            throw new IllegalStateException(left + " baseline instances still waiting: a correlation failed");
        }
        return rate;
    }
}
