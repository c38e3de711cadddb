package nl.uitkijk.driver.base;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A driver's own worker threads: named after the driver (so a thread dump says whose they are) and daemon. */
public final class DriverThreads {

    private DriverThreads() {
    }

    /** A fixed pool; shut it down in the driver's {@code @Deactivate}. */
    public static ExecutorService pool(String driverId, int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, threads), task -> {
            Thread thread = new Thread(task, "uitkijk-" + driverId + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
