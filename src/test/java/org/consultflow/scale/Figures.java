package org.consultflow.scale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every figure of one benchmark run, for each size: the stages of a round, the plain loops beneath them, memory.
 * Printed twice: a table for people, and one JSON line (prefixed {@value #JSON_PREFIX}) for tools and for comparing
 * runs.
 */
public final class Figures {

    public static final String JSON_PREFIX = "BENCHMARK-JSON ";

    /**
     * One stage of a round: {@code items} done in {@code seconds}, the CPU this JVM and PostgreSQL spent meanwhile,
     * and the plain loop it is compared with (none where nothing beneath it compares).
     */
    public record Stage(String name, long items, double seconds, double appCpu, double dbCpu, String baseline,
            double baselineRate) {

        public double rate() {
            return items / seconds;
        }

        public double ratio() {
            return baseline == null ? Double.NaN : rate() / baselineRate;
        }

        double msPerItem() {
            return seconds * 1000 / items;
        }
    }

    /** What one size produced. */
    public static final class Size {

        final int consultees;
        final Map<String, Double> baselines = new LinkedHashMap<>();
        final List<Stage> stages = new ArrayList<>();
        final Map<String, Object> notes = new LinkedHashMap<>();

        Size(int consultees) {
            this.consultees = consultees;
        }

        public void baseline(String name, double perSecond) {
            baselines.put(name, perSecond);
        }

        public double baseline(String name) {
            return baselines.getOrDefault(name, Double.NaN);
        }

        public void stage(String name, long items, double seconds, double[] cpuBefore, double[] cpuAfter,
                String baseline) {
            // A run without baselines (the smoke test) shows no comparison rather than NaN.
            var rate = baseline == null ? Double.NaN : baseline(baseline);
            stages.add(new Stage(name, items, seconds, cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1],
                    Double.isNaN(rate) ? null : baseline, rate));
        }

        public void note(String name, Object value) {
            notes.put(name, value);
        }
    }

    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final List<Size> sizes = new ArrayList<>();

    public Figures() {
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("maxHeapMb", Math.round(Runtime.getRuntime().maxMemory() / 1024.0 / 1024.0));
        machine.put("loadAtStart", Usage.load());
    }

    public Size size(int consultees) {
        var size = new Size(consultees);
        sizes.add(size);
        return size;
    }

    /** Per-consultee cost at the largest size divided by that at the smallest, per stage: 1.0 is flat scaling. */
    Map<String, Double> scaling() {
        var scaling = new LinkedHashMap<String, Double>();
        if (sizes.size() < 2) {
            return scaling;
        }
        var smallest = sizes.stream().min((a, b) -> a.consultees - b.consultees).orElseThrow();
        var largest = sizes.stream().max((a, b) -> a.consultees - b.consultees).orElseThrow();
        for (var stage : largest.stages) {
            smallest.stages.stream().filter(s -> s.name().equals(stage.name())).findFirst()
                    .ifPresent(small -> scaling.put(stage.name(), stage.msPerItem() / small.msPerItem()));
        }
        return scaling;
    }

    public String table() {
        machine.put("loadAtEnd", Usage.load());
        var out = new StringBuilder("\n==== ConsultFlow scale benchmark ====\n");
        machine.forEach((k, v) -> out.append("%-24s %s%n".formatted(k, v)));
        for (var size : sizes) {
            out.append("\n-- %,d consultees --%n".formatted(size.consultees));
            out.append("%-36s %10s%n".formatted("baseline (plain loop)", "per s"));
            size.baselines.forEach((name, rate) -> out.append("%-36s %10.1f%n".formatted(name, rate)));
            out.append("%n%-36s %7s %8s %8s %8s %8s %-26s %6s%n".formatted("stage", "items", "wall s", "per s",
                    "app cpu", "db cpu", "vs baseline", "ratio"));
            for (var s : size.stages) {
                out.append("%-36s %7d %8.1f %8.1f %8.1f %8.1f %-26s %6s%n".formatted(s.name(), s.items(),
                        s.seconds(), s.rate(), s.appCpu(), s.dbCpu(), s.baseline() == null ? "-" : s.baseline(),
                        s.baseline() == null ? "-" : "%.2f".formatted(s.ratio())));
            }
            size.notes.forEach((k, v) -> out.append("%-36s %s%n".formatted(k, v)));
        }
        var scaling = scaling();
        if (!scaling.isEmpty()) {
            out.append("\nper-consultee cost, largest size / smallest (flat = 1.0)\n");
            scaling.forEach((name, ratio) -> out.append("%-36s %6.2f%n".formatted(name, ratio)));
        }
        return out.toString();
    }

    public String json() {
        var root = new LinkedHashMap<String, Object>();
        root.put("machine", machine);
        var list = new ArrayList<Object>();
        for (var size : sizes) {
            var s = new LinkedHashMap<String, Object>();
            s.put("consultees", size.consultees);
            s.put("baselinesPerSecond", size.baselines);
            s.put("stages", size.stages.stream().map(stage -> {
                var m = new LinkedHashMap<String, Object>();
                m.put("name", stage.name());
                m.put("items", stage.items());
                m.put("seconds", round(stage.seconds()));
                m.put("perSecond", round(stage.rate()));
                m.put("appCpuSeconds", round(stage.appCpu()));
                m.put("dbCpuSeconds", round(stage.dbCpu()));
                m.put("baseline", stage.baseline());
                m.put("ratio", stage.baseline() == null ? null : round(stage.ratio()));
                return m;
            }).toList());
            s.putAll(size.notes);
            list.add(s);
        }
        root.put("sizes", list);
        var scaling = new LinkedHashMap<String, Object>();
        scaling().forEach((k, v) -> scaling.put(k, round(v)));
        root.put("perConsulteeCostLargestOverSmallest", scaling);
        try {
            return JSON_PREFIX + new ObjectMapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Double round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 100) / 100.0;
    }
}
