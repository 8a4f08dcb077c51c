package org.consultflow.scale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A counter sampled until it reaches its target: every 0.2 s, or every 2 % of the time tracked so far once that is
 * longer, so a stage's end is known to within 0.2 s or 2 % and the sampling (some counters are queries) does not
 * take the CPU the long stages of a large round are measuring.
 */
public final class Series {

    private static final long SAMPLE_MILLIS = 200;

    final String name;
    final long target;
    final long start = System.nanoTime();
    final List<long[]> points = new ArrayList<>();

    Series(String name, long target) {
        this.name = name;
        this.target = target;
    }

    /** Samples every counter until each reaches {@code target}; fails with where they stood after {@code atMost}. */
    public static Map<String, Series> track(long target, Duration atMost, Map<String, LongSupplier> counters)
            throws InterruptedException {
        var series = new LinkedHashMap<String, Series>();
        counters.keySet().forEach(name -> series.put(name, new Series(name, target)));
        var tracked = System.nanoTime();
        var deadline = tracked + atMost.toNanos();
        while (true) {
            var done = true;
            for (var counter : counters.entrySet()) {
                var s = series.get(counter.getKey());
                if (s.done() < 0) {
                    s.points.add(new long[] {System.nanoTime(), counter.getValue().getAsLong()});
                    done &= s.done() >= 0;
                }
            }
            if (done) {
                return series;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up after " + atMost + ": " + series.values().stream()
                        .map(s -> s.name + "=" + s.last()).toList() + " of " + target);
            }
            Thread.sleep(Math.max(SAMPLE_MILLIS, (System.nanoTime() - tracked) / 50_000_000));
        }
    }

    long last() {
        return points.isEmpty() ? 0 : points.get(points.size() - 1)[1];
    }

    /** When the counter first reached its target, in nanos; -1 if not yet. */
    long done() {
        return points.stream().filter(p -> p[1] >= target).mapToLong(p -> p[0]).findFirst().orElse(-1);
    }

    /** Seconds from the start of tracking until the target was reached. */
    public double seconds() {
        return (done() - start) / 1e9;
    }

    /** Seconds from {@code from} (a {@link System#nanoTime()}) until the target was reached. */
    public double secondsSince(long from) {
        return (done() - from) / 1e9;
    }
}
