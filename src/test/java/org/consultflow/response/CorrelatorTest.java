package org.consultflow.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.consultflow.engagement.Engagements;
import org.consultflow.response.Correlator.CorrelationSettings;
import org.consultflow.response.Responses.Pending;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** How one batch of pending responses is shared out over the correlator's threads. */
class CorrelatorTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private final Responses responses = mock(Responses.class);
    private final RuntimeService runtime = mock(RuntimeService.class);
    /** Each hand-over as the engine saw it: business key, version, thread. */
    private final List<String[]> handedOver = Collections.synchronizedList(new ArrayList<>());
    private Correlator correlator;

    @AfterEach
    void stop() {
        correlator.destroy();
    }

    @Test
    void correlatesDifferentEngagementsSideBySideAndOneEngagementsVersionsInOrder() throws Exception {
        // Eight engagements, three versions each, recorded interleaved; the engine is slow enough that one thread
        // working alone could never have two hand-overs under way at once.
        var batch = new ArrayList<Pending>();
        for (int version = 1; version <= 3; version++) {
            for (int consultee = 1; consultee <= 8; consultee++) {
                batch.add(pending("c" + consultee, version));
            }
        }
        var atOnce = new CountDownLatch(1);
        correlator = correlator(4, batch, atOnce);

        correlator.correlatePending();

        assertThat(handedOver).hasSize(24);
        assertThat(atOnce.await(0, TimeUnit.SECONDS)).as("two hand-overs under way at the same time").isTrue();
        var threads = handedOver.stream().map(call -> call[2]).distinct().toList();
        assertThat(threads).hasSizeGreaterThan(1).allMatch(name -> name.startsWith("correlator-"));
        for (int consultee = 1; consultee <= 8; consultee++) {
            var key = "round-1:c" + consultee;
            var ofOne = handedOver.stream().filter(call -> call[0].equals(key)).toList();
            assertThat(ofOne).extracting(call -> call[1]).containsExactly("1", "2", "3");
            assertThat(ofOne).extracting(call -> call[2]).as("one engagement, one thread").containsOnly(ofOne.get(0)[2]);
        }
    }

    @Test
    void withOneThreadHandsOverInRecordedOrder() throws Exception {
        var batch = IntStream.rangeClosed(1, 6).mapToObj(i -> pending("c" + i, 1)).toList();
        correlator = correlator(1, batch, new CountDownLatch(1));

        correlator.correlatePending();

        assertThat(handedOver).extracting(call -> call[0])
                .containsExactly("round-1:c1", "round-1:c2", "round-1:c3", "round-1:c4", "round-1:c5", "round-1:c6");
    }

    private Correlator correlator(int threads, List<Pending> batch, CountDownLatch atOnce) {
        when(responses.duePending(any(), anyInt())).thenReturn(batch);
        when(responses.claim(any(), any())).thenReturn(true);
        var underWay = ConcurrentHashMap.<String>newKeySet();
        when(runtime.createMessageCorrelation(eq("ResponseReceived"))).thenAnswer(ask -> correlation(underWay, atOnce));
        var transactions = mock(TransactionTemplate.class);
        doAnswer(call -> {
            call.<Consumer<TransactionStatus>>getArgument(0).accept(new SimpleTransactionStatus());
            return null;
        }).when(transactions).executeWithoutResult(any());
        return new Correlator(responses, mock(Engagements.class), mock(Receipts.class), runtime, transactions,
                new CorrelationSettings(100, Duration.ofMinutes(1), threads), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private MessageCorrelationBuilder correlation(Set<String> underWay, CountDownLatch atOnce) {
        var builder = mock(MessageCorrelationBuilder.class, RETURNS_SELF);
        var key = new String[1];
        var version = new Object[1];
        when(builder.processInstanceBusinessKey(anyString())).thenAnswer(call -> {
            key[0] = call.getArgument(0);
            return builder;
        });
        when(builder.setVariable(eq("responseVersion"), any())).thenAnswer(call -> {
            version[0] = call.getArgument(1);
            return builder;
        });
        when(builder.correlateWithResult()).thenAnswer(call -> {
            underWay.add(key[0]);
            if (underWay.size() > 1) {
                atOnce.countDown();
            }
            Thread.sleep(20);
            handedOver.add(new String[] {key[0], String.valueOf(version[0]), Thread.currentThread().getName()});
            underWay.remove(key[0]);
            return null;
        });
        return builder;
    }

    private static Pending pending(String consulteeId, int version) {
        return new Pending("/partner", consulteeId + "-v" + version, "round-1", consulteeId, version, 0, NOW);
    }
}
