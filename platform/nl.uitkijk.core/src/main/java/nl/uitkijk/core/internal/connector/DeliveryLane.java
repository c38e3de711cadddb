package nl.uitkijk.core.internal.connector;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import nl.uitkijk.api.connector.Alarm;
import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.api.connector.DeliveryResult;
import nl.uitkijk.api.connector.DeliveryResult.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one connector instance's alarms, one at a time, in the order they were raised: the head of the lane is
 * tried until the receiver confirms or refuses it, with a capped exponential back-off, and only then the next (a
 * control room sees the alarms in order). Runs on a thread of its own, so a slow control room delays no other.
 */
final class DeliveryLane implements Runnable {

    /** What the lane reports to the outbox (and the outbox to operators). */
    interface Reports {
        /** Deliveries to the instance have failed since {@code since}; called once an episode. */
        void failing(DeliveryLane lane, Instant since, String error);

        /** Deliveries go through again after {@link #failing}. */
        void restored(DeliveryLane lane, Instant since);

        /** The receiver refused an alarm for good. */
        void rejected(DeliveryLane lane, OutboxStore.Pending alarm, String detail);
    }

    /** Back-off and alarm thresholds. */
    record Timing(Duration firstRetry, Duration retryCap, Duration failingAfter) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLane.class);
    private static final int BATCH = 200;

    private final String id;
    private final OutboxStore store;
    private final Function<OutboxStore.Pending, Alarm> message;
    private final Reports reports;
    private final Timing timing;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile ControlRoomConnector connector;
    private volatile long backlog;
    private volatile Instant failingSince;
    private volatile String lastError;
    private boolean failingReported;

    DeliveryLane(String id, OutboxStore store, Function<OutboxStore.Pending, Alarm> message, Reports reports,
            Timing timing, Clock clock) {
        this.id = id;
        this.store = store;
        this.message = message;
        this.reports = reports;
        this.timing = timing;
        this.clock = clock;
        this.thread = new Thread(this, "uitkijk-outbox-" + id);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String id() {
        return id;
    }

    /** The connector service that delivers now, or {@code null} while its bundle is away. */
    void connector(ControlRoomConnector connector) {
        this.connector = connector;
        if (connector != null) {
            try {
                // a (re)installed connector should not wait out the back-off its predecessor earned
                store.dueNow(id, OutboxStore.micros(clock.instant()));
            } catch (SQLException e) {
                LOG.warn("Outbox of {}: {}", id, e.getMessage());
            }
        }
        wake();
    }

    ControlRoomConnector connector() {
        return connector;
    }

    String label() {
        ControlRoomConnector current = connector;
        return current == null ? id : current.label();
    }

    long backlog() {
        return backlog;
    }

    Instant failingSince() {
        return failingSince;
    }

    String lastError() {
        return lastError;
    }

    /** New alarms may be waiting. */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    void stop() {
        running = false;
        wake();
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        while (running) {
            try {
                long waitMillis = deliverDue();
                wake.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (SQLException e) {
                LOG.error("Outbox of {}: the database refused ({}); trying again in 5 s", id, e.getMessage());
                sleep(5_000);
            } catch (RuntimeException e) {
                LOG.error("Outbox of {} failed; going on in 5 s", id, e);
                sleep(5_000);
            }
        }
    }

    /** Delivers what is due; @return how long to wait for the next due alarm (or for news) */
    long deliverDue() throws SQLException {
        ControlRoomConnector current = connector;
        List<OutboxStore.Pending> pending = store.pending(id, BATCH);
        backlog = pending.size() < BATCH ? pending.size() : store.backlog(id);
        if (pending.isEmpty()) {
            failingSince = null;
            return 30_000;
        }
        if (current == null) {
            return 5_000;
        }
        for (OutboxStore.Pending alarm : pending) {
            if (!running) {
                return 0;
            }
            long nowUs = OutboxStore.micros(clock.instant());
            if (alarm.nextUs() > nowUs) {
                return Math.max(1, (alarm.nextUs() - nowUs) / 1_000);
            }
            DeliveryResult result = attempt(current, alarm);
            long doneUs = OutboxStore.micros(clock.instant());
            switch (result.outcome()) {
                case DELIVERED -> {
                    store.delivered(alarm.alarmId(), id, doneUs);
                    backlog = Math.max(0, backlog - 1);
                    recovered();
                }
                case REJECTED -> {
                    store.rejected(alarm.alarmId(), id, doneUs, result.detail());
                    backlog = Math.max(0, backlog - 1);
                    LOG.error("ALARM REFUSED by {}: alarm {} ({} {}): {}", label(), alarm.uid(), alarm.type(),
                            alarm.cameraId(), result.detail());
                    reports.rejected(this, alarm, result.detail());
                }
                default -> {
                    long failingUs = alarm.failingUs() == null ? doneUs : alarm.failingUs();
                    Duration delay = backOff(alarm.attempts() + 1);
                    store.retry(alarm.alarmId(), id, doneUs, result.detail(), doneUs + delay.toNanos() / 1_000,
                            failingUs);
                    failing(OutboxStore.micros(failingUs), result.detail());
                    return delay.toMillis();
                }
            }
        }
        return pending.size() == BATCH ? 0 : 30_000;
    }

    private DeliveryResult attempt(ControlRoomConnector current, OutboxStore.Pending alarm) {
        try {
            DeliveryResult result = current.deliver(message.apply(alarm));
            if (result == null || result.outcome() == null) {
                return new DeliveryResult(Outcome.RETRY, "the connector gave no result");
            }
            return result;
        } catch (RuntimeException e) {
            // a connector that throws broke its contract; the alarm is kept and tried again
            LOG.warn("Connector {} threw delivering alarm {}", id, alarm.uid(), e);
            return new DeliveryResult(Outcome.RETRY, "connector failed: " + e);
        }
    }

    /** 1 s, 2 s, 4 s, … up to the cap. */
    Duration backOff(int attempts) {
        long first = timing.firstRetry().toMillis();
        long cap = timing.retryCap().toMillis();
        long delay = attempts >= 30 ? cap : Math.min(cap, first << Math.max(0, attempts - 1));
        return Duration.ofMillis(delay);
    }

    private void failing(Instant since, String error) {
        failingSince = since;
        lastError = error;
        if (!failingReported && since.plus(timing.failingAfter()).compareTo(clock.instant()) <= 0) {
            failingReported = true;
            reports.failing(this, since, error);
        }
    }

    private void recovered() {
        Instant since = failingSince;
        failingSince = null;
        if (failingReported) {
            failingReported = false;
            reports.restored(this, since);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
