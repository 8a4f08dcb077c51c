package org.consultflow;

import java.time.Duration;
import java.util.Arrays;

import org.consultflow.scale.Figures;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scale benchmark (issue 10): for each size in {@code -Dconsultflow.benchmark.consultees} (default
 * {@code 1000,10000}) the plain loops beneath ConsultFlow, then one round through it, printed as a table and as one
 * JSON line with every figure, each stage as a ratio to its loop, and per-consultee cost at the largest size over the
 * smallest, all after an untimed warm-up pass. Its name keeps it out of {@code ./mvnw verify};
 * {@code ./mvnw -o verify -Pbench -Dexec.skip=true} runs it with {@code -Xmx1g} (docs/performance.md). It asserts the
 * rounds work, never how fast.
 */
class ScaleBenchmark extends ScaleRun {

    static final int[] SIZES = Arrays.stream(System.getProperty("consultflow.benchmark.consultees", "1000,10000")
            .split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestMailPorts.register(registry);
        TestDatabases.postgres(registry, "scale_benchmark");
    }

    @Test
    void measuresEachSizeAgainstThePlainLoopsBeneathIt() throws Exception {
        try {
            warmUp();
            for (int n : SIZES) {
                var size = figures.size(n);
                baselines(size, n);
                round(size, n, reminderAfter(n));
            }
        } finally {
            System.out.println(figures.table());
            System.out.println(figures.json());
        }
    }

    /**
     * The loops and one small round, untimed, before anything is measured: otherwise the first loop (one-thread
     * correlation) and the first stages of the first round pay for class loading and JIT compilation that later
     * ones do not, and ratios compare a cold figure with a warm one. {@code -Dconsultflow.benchmark.warm-up=0} skips
     * it; the round then also measures a cold start.
     */
    void warmUp() throws Exception {
        var n = Integer.getInteger("consultflow.benchmark.warm-up", 200);
        if (n > 0) {
            var discarded = new Figures().size(n);
            baselines(discarded, n);
            // Untimed, so its reminder can wait long enough for a fan-out on a machine busy with other work.
            round(discarded, "warm-up-" + n, n, Duration.ofSeconds(20).plusMillis(100L * n));
        }
    }

    /**
     * The reminders must fall due after the last invitation (a reminder due before its consultee was invited is
     * skipped), so the wait grows with the size: 20 s plus 20 ms a consultee unless given.
     */
    static Duration reminderAfter(int n) {
        var given = System.getProperty("consultflow.benchmark.reminder-after");
        return given != null ? Duration.parse(given) : Duration.ofSeconds(20).plusMillis(20L * n);
    }
}
