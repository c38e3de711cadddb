package nl.uitkijk.testkit;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import javax.management.ObjectName;

/**
 * What one camera (or one alarm) costs the process while it runs: CPU time against an idle window of the same
 * length just before, and the heap in use after a collection. Process-wide figures, read from the platform MBeans
 * (no {@code com.sun.management} import, so the kit also runs inside an OSGi framework); in a running installation
 * the platform's own background work is in the idle window too, so the difference is what the plugin added.
 */
final class ResourceUse {

    private final long idleCpuNanos;
    private final long idleWindowNanos;
    private final long heapBefore;

    private ResourceUse(long idleCpuNanos, long idleWindowNanos, long heapBefore) {
        this.idleCpuNanos = idleCpuNanos;
        this.idleWindowNanos = idleWindowNanos;
        this.heapBefore = heapBefore;
    }

    /** Measures the idle window now (blocks for its length), before the work starts. */
    static ResourceUse idleFor(long millis) throws InterruptedException {
        long heap = heapAfterCollection();
        long cpu = processCpuNanos();
        long started = System.nanoTime();
        Thread.sleep(millis);
        return new ResourceUse(processCpuNanos() - cpu, System.nanoTime() - started, heap);
    }

    /**
     * Measures the running work for the same length and answers the report's {@code measured} members: CPU in per
     * cent of one core and heap in KiB, per unit (camera, alarm).
     */
    String whileRunning(int units) throws InterruptedException {
        long cpu = processCpuNanos();
        long started = System.nanoTime();
        Thread.sleep(idleWindowNanos / 1_000_000);
        long window = System.nanoTime() - started;
        double busy = (processCpuNanos() - cpu) / (double) window - idleCpuNanos / (double) idleWindowNanos;
        long heapKiB = (heapAfterCollection() - heapBefore) / 1024;
        return String.format(Locale.ROOT, "\"cpuPercentOfOneCore\": %.2f, \"heapKiB\": %d, \"units\": %d",
                Math.max(0, busy * 100 / units), Math.max(0, heapKiB / units), units);
    }

    /** Work measured per unit (each alarm delivered, each frame analysed). */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /**
     * Runs the work and answers the report's {@code measured} members for it: process CPU and wall time per unit,
     * e.g. {@code "cpuMillisPerAlarm": 0.41, "millisPerAlarm": 1.20, "alarms": 50}.
     */
    static String perUnit(String unit, int units, Work work) throws Exception {
        long cpu = processCpuNanos();
        long started = System.nanoTime();
        work.run();
        double wallMillis = (System.nanoTime() - started) / 1e6;
        double cpuMillis = (processCpuNanos() - cpu) / 1e6;
        String name = Character.toUpperCase(unit.charAt(0)) + unit.substring(1);
        return String.format(Locale.ROOT, "\"cpuMillisPer%s\": %.2f, \"millisPer%s\": %.2f, \"%ss\": %d", name,
                cpuMillis / units, name, wallMillis / units, unit, units);
    }

    private static long processCpuNanos() {
        try {
            Object value = ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime");
            return ((Number) value).longValue();
        } catch (Exception notThere) {
            return 0; // a JVM without the attribute: the figure reads 0, the checks do not depend on it
        }
    }

    private static long heapAfterCollection() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        Thread.sleep(50);
        return memory.getHeapMemoryUsage().getUsed();
    }
}
