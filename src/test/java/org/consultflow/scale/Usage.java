package org.consultflow.scale;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What this JVM and the PostgreSQL server processes used: CPU between two readings, the heap's and the process's
 * peak. PostgreSQL's CPU is read from /proc, so only where the database runs on this machine (the embedded binaries).
 */
public final class Usage {

    private static final double TICKS = 100.0;

    private final JdbcClient jdbc;

    public Usage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** CPU seconds used so far: this JVM, and PostgreSQL (NaN where its processes cannot be read). */
    public double[] cpu() {
        var db = postgresTicks();
        return new double[] {appCpuNanos() / 1e9, db < 0 ? Double.NaN : db / TICKS};
    }

    /** Starts a new peak for the next size: heap pools, and the kernel's high-water mark of resident memory. */
    public static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        try {
            // "5" resets VmHWM (Linux 4.0 and later); where refused, the peak is the whole run's.
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (Exception ignored) {
            // a peak over the whole run is still an upper bound
        }
    }

    /** Sum of the heap pools' peaks since the last reset, in MB: an upper bound of the heap ever in use. */
    public static double heapPeakMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / 1024.0 / 1024.0;
    }

    /** The process's peak resident set (VmHWM) in MB; NaN off Linux. */
    public static double rssPeakMb() {
        try {
            for (var line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return Double.NaN;
    }

    public static String load() {
        return "%.2f".formatted(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long appCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Counts the server processes alive at the reading, which for a pooled application are nearly all of them. */
    private long postgresTicks() {
        try {
            var total = 0L;
            for (var pid : jdbc.sql("select pid from pg_stat_activity").query(Integer.class).list()) {
                var stat = Path.of("/proc/" + pid + "/stat");
                if (!Files.exists(stat)) {
                    return -1;
                }
                var fields = Files.readString(stat);
                var rest = fields.substring(fields.lastIndexOf(')') + 2).split(" ");
                // utime and stime are fields 14 and 15; the split starts at field 3.
                total += Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
            }
            return total;
        } catch (Exception e) {
            return -1;
        }
    }
}
