package nl.uitkijk.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The threads a plugin left behind: every thread that did not exist before and is still alive after a grace period,
 * whatever its state — a worker parked in an executor that was never shut down is as much a leak as a busy one.
 * A pool that existed before (shared by the plugin's sessions) may have grown a thread meanwhile: a new thread of
 * the same family ({@code pool-2-thread-2} beside {@code pool-2-thread-1}) is that pool's, not a leak. Threads of the
 * JVM's own shared pools are not the plugin's.
 */
public final class LeakedThreads {

    private LeakedThreads() {
    }

    /**
     * @param before the threads before the plugin started ({@code Thread.getAllStackTraces().keySet()})
     * @param grace how long the plugin's threads may take to end after it stopped
     * @return the names and states of the threads still alive, empty when none
     */
    public static List<String> since(Set<Thread> before, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        Set<String> pools = before.stream().filter(Thread::isAlive).map(thread -> family(thread.getName()))
                .collect(java.util.stream.Collectors.toSet());
        List<String> leaked;
        do {
            leaked = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> !before.contains(thread) && thread.isAlive() && !sharedByTheJvm(thread)
                            && !pools.contains(family(thread.getName())))
                    .map(thread -> thread.getName() + " (" + thread.getState() + ")").sorted().toList();
            if (leaked.isEmpty()) {
                return leaked;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return leaked;
    }

    /** A thread's name without its number in the pool: {@code pool-2-thread}, {@code uitkijk-rtsp-probe}. */
    static String family(String name) {
        return name.replaceFirst("-?\\d+$", "");
    }

    private static boolean sharedByTheJvm(Thread thread) {
        String name = thread.getName();
        // the JDK's HTTP keep-alive cache has one cleaner thread per JVM, started by whoever first keeps a connection
        return name.startsWith("ForkJoinPool.commonPool-") || name.equals("process reaper")
                || name.equals("Keep-Alive-Timer") || name.equals("Keep-Alive-SocketCleaner")
                || name.startsWith("Attach Listener") || name.startsWith("surefire-forkedjvm");
    }
}
