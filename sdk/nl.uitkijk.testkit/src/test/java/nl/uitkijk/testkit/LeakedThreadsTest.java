package nl.uitkijk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LeakedThreadsTest {

    @Test
    void aParkedExecutorThatWasNeverShutDownIsALeak() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        ExecutorService forgotten = Executors.newSingleThreadExecutor(task -> new Thread(task, "forgotten-worker"));
        forgotten.submit(() -> { }).get(); // its worker now waits, parked, for a task that never comes
        try {
            List<String> leaked = LeakedThreads.since(before, Duration.ofMillis(500));
            assertEquals(1, leaked.size(), leaked.toString());
            assertTrue(leaked.get(0).startsWith("forgotten-worker (WAITING"), leaked.get(0));
        } finally {
            forgotten.shutdown();
            forgotten.awaitTermination(5, TimeUnit.SECONDS);
        }
        assertEquals(List.of(), LeakedThreads.since(before, Duration.ofSeconds(2)), "shut down: no leak");
    }

    @Test
    void aSharedPoolThatGrewIsNotALeak() throws Exception {
        ExecutorService shared = Executors.newFixedThreadPool(2, new java.util.concurrent.ThreadFactory() {
            private int number;

            @Override
            public synchronized Thread newThread(Runnable task) {
                return new Thread(task, "shared-pool-" + ++number);
            }
        });
        try {
            shared.submit(() -> { }).get();
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
            for (int i = 0; i < 2; i++) {
                shared.submit(() -> {
                    both.countDown();
                    both.await();
                    return null;
                });
            }
            both.await(); // the pool grew its second thread during the "session"
            assertEquals(List.of(), LeakedThreads.since(before, Duration.ofMillis(200)));
            assertEquals("pool-2-thread", LeakedThreads.family("pool-2-thread-2"));
        } finally {
            shared.shutdown();
        }
    }
}
