package nl.uitkijk.driver.base;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.StatusInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background check every camera session needs: run a check now, again after {@link Timing#recheck()} while the
 * camera is healthy, and after a pause that doubles from {@link Timing#firstRetry()} up to {@link Timing#maxRetry()}
 * while it is not. Checks run on the driver's workers (they block for up to the driver's timeout), never two of one
 * camera at once, and never after {@link #stop()}. A check that throws turns the camera OFFLINE with the error as
 * the reason and is retried after the longest pause: a driver's bug must not take the platform down or spin.
 */
public final class CameraCheckLoop {

    private static final Logger LOG = LoggerFactory.getLogger(CameraCheckLoop.class);

    /** What a check found. */
    public enum Outcome {
        /** The camera works: check again after the recheck interval, and start the next failure's back-off anew. */
        HEALTHY,
        /** The camera failed: retry after the current back-off, which then doubles. */
        FAILED,
        /**
         * The camera refused us (wrong password): retry only after the longest pause, since many cameras lock an
         * account after a few failed sign-ins.
         */
        REFUSED
    }

    /** One check of the camera; it reports status and streams through the context itself. */
    @FunctionalInterface
    public interface Check {
        Outcome run();
    }

    /** The pauses of the loop. */
    public record Timing(Duration recheck, Duration firstRetry, Duration maxRetry) {
        public Timing {
            if (recheck.isNegative() || recheck.isZero() || firstRetry.isNegative() || firstRetry.isZero()
                    || maxRetry.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException("pauses must be positive and maxRetry >= firstRetry");
            }
        }

        /** Check a healthy camera every minute; retry a failed one after 5 s, 10 s, … up to 2 min. */
        public static Timing standard() {
            return new Timing(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(120));
        }
    }

    private final CameraContext context;
    private final ExecutorService workers;
    private final Timing timing;
    private final Check check;
    private final Object lock = new Object();
    private Duration backoff;
    private Future<?> running;
    private ScheduledFuture<?> next;
    private boolean stopped;

    public CameraCheckLoop(CameraContext context, ExecutorService workers, Timing timing, Check check) {
        this.context = context;
        this.workers = workers;
        this.timing = timing;
        this.check = check;
        this.backoff = timing.firstRetry();
    }

    /** Checks now, in the background. */
    public void start() {
        submit();
    }

    /** Cancels the pending check and interrupts a running one; no check starts after this returns. */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
            if (running != null) {
                running.cancel(true);
            }
        }
    }

    private void submit() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            try {
                running = workers.submit(this::runOnce);
            } catch (RejectedExecutionException e) {
                // the driver is going away; its cameras are stopped next
            }
        }
    }

    /** One round: the check, then the next one scheduled by its outcome. Package-visible for tests. */
    void runOnce() {
        Duration delay;
        try {
            delay = switch (check.run()) {
                case HEALTHY -> {
                    backoff = timing.firstRetry();
                    yield timing.recheck();
                }
                case FAILED -> {
                    Duration current = backoff;
                    backoff = min(timing.maxRetry(), backoff.multipliedBy(2));
                    yield current;
                }
                case REFUSED -> timing.maxRetry();
            };
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Camera '{}': the driver's check failed", context.cameraId(), e);
            context.reportStatus(StatusInfo.offline("driver error: " + e));
            delay = timing.maxRetry();
        }
        synchronized (lock) {
            if (!stopped) {
                next = context.scheduler().schedule(this::submit, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
