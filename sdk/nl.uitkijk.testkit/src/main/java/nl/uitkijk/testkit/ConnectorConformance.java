package nl.uitkijk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.connector.Alarm;
import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.api.connector.DeliveryResult;
import nl.uitkijk.api.connector.DeliveryResult.Outcome;
import nl.uitkijk.testkit.ConnectorPeer.Behaviour;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance kit for control-room connectors: a connector's own test extends this class, starts a real
 * receiver behind a {@link ConnectorPeer} and says how to make a connector for it; it inherits the checks every
 * Uitkijk connector must pass, because the platform's outbox relies on them:
 * <ul>
 * <li>a confirmed delivery is {@code DELIVERED} and the receiver got the alarm's id; a second offer of the same
 * alarm carries the same id (the receivers' idempotency key);</li>
 * <li>a passing failure, an unreachable receiver, a receiver that never answers and garbage are {@code RETRY} (or,
 * for garbage, {@code REJECTED}), never an exception, and within the configured timeout (plus 2 s);</li>
 * <li>a refusal for good is {@code REJECTED} (where the protocol has one);</li>
 * <li>after the receiver was down the connector delivers again, without a restart;</li>
 * <li>{@code connected()} says false while the receiver is down and true after a delivery;</li>
 * <li>stopping it leaves no thread running.</li>
 * </ul>
 * The result is written to {@code target/conformance/connector-<kind>.json} for procurement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ConformanceReport.Watcher.class)
public abstract class ConnectorConformance implements ConformanceReport.Kit {

    /** The delivery timeout every connector under test is configured with. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SLACK = Duration.ofSeconds(2);

    private final ConformanceReport report = new ConformanceReport();
    private static final int ALARMS_MEASURED = 50;
    private final AtomicLong numbers = new AtomicLong();
    private String measured = "";
    private ConnectorPeer peer;
    private ControlRoomConnector connector;

    /** The connector kind, for the report ({@code webhook}). */
    protected abstract String kind();

    /** Starts a real receiver for this connector's protocol. */
    protected abstract ConnectorPeer startPeer() throws Exception;

    /** Makes and activates a connector for the peer's address, with {@link #TIMEOUT} as its delivery timeout. */
    protected abstract ControlRoomConnector startConnector(ConnectorPeer peer) throws Exception;

    /** Deactivates it as Declarative Services would. */
    protected abstract void stopConnector(ControlRoomConnector connector) throws Exception;

    @BeforeAll
    void peer() throws Exception {
        peer = startPeer();
    }

    @BeforeEach
    void connector() throws Exception {
        peer.behave(Behaviour.ACCEPT);
        connector = startConnector(peer);
    }

    @AfterEach
    void stop() throws Exception {
        if (connector != null) {
            stopConnector(connector);
            connector = null;
        }
    }

    @AfterAll
    void writeReport() throws Exception {
        peer.close();
        String checks = report.checks();
        report.write("connector-" + kind() + ".json", "{\n  \"connector\": \""
                + ConformanceReport.json(kind()) + "\",\n"
                + "  \"kit\": \"uitkijk-connector-conformance 1\",\n  \"at\": \"" + Instant.now() + "\",\n"
                + "  \"passed\": " + report.passed() + ",\n  \"measured\": {" + measured + "},\n"
                + "  \"checks\": [\n" + checks + "\n  ]\n}\n");
    }

    /** A test alarm with a fresh id. */
    protected Alarm alarm() {
        long number = numbers.incrementAndGet();
        return new Alarm(UUID.randomUUID(), number, "centrum-" + number, "fight", Priority.HIGH,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), "Vechtpartij Pancratiusplein " + number,
                Map.of(Alarm.SOURCE, "conformance", Alarm.CAMERA_NAME, "Pancratiusplein"));
    }

    /** Offers the alarm once, as the outbox does, and times it. */
    private DeliveryResult deliver(Alarm alarm, Duration within) {
        long start = System.nanoTime();
        DeliveryResult result = connector.deliver(alarm);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertNotNull(result, "a result, never null");
        assertNotNull(result.outcome(), "an outcome");
        assertTrue(took.compareTo(within) <= 0, "returned within " + within.toMillis() + " ms (took "
                + took.toMillis() + " ms)");
        return result;
    }

    @Test
    void aConfirmedDeliveryIsDeliveredAndCarriesTheAlarmsId() throws Exception {
        Alarm alarm = alarm();
        DeliveryResult result = deliver(alarm, TIMEOUT.plus(SLACK));
        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        assertTrue(peer.received().contains(alarm.id()), "the receiver has the alarm's id");
        // what an alarm costs to hand over, one after the other as the outbox offers them
        measured = ResourceUse.perUnit("alarm", ALARMS_MEASURED, () -> {
            for (int i = 0; i < ALARMS_MEASURED; i++) {
                DeliveryResult next = deliver(alarm(), TIMEOUT.plus(SLACK));
                assertEquals(Outcome.DELIVERED, next.outcome(), next.detail());
            }
        });
    }

    @Test
    void aSecondOfferOfTheSameAlarmCarriesTheSameId() {
        Alarm alarm = alarm();
        assertEquals(Outcome.DELIVERED, deliver(alarm, TIMEOUT.plus(SLACK)).outcome());
        assertEquals(Outcome.DELIVERED, deliver(alarm, TIMEOUT.plus(SLACK)).outcome());
        assertEquals(2, peer.received().stream().filter(alarm.id()::equals).count(),
                "the receiver saw the same id twice (and can drop the second)");
    }

    @Test
    void aPassingFailureIsRetried() throws Exception {
        peer.behave(Behaviour.FAIL);
        DeliveryResult result = deliver(alarm(), TIMEOUT.plus(SLACK));
        assertEquals(Outcome.RETRY, result.outcome(), result.detail());
        assertFalse(result.detail() == null || result.detail().isBlank(), "says why");
    }

    @Test
    void aRefusalForGoodIsRejected() throws Exception {
        if (!peer.canRefuse()) {
            throw new org.opentest4j.TestAbortedException("the protocol has no refusal for good");
        }
        peer.behave(Behaviour.REFUSE);
        DeliveryResult result = deliver(alarm(), TIMEOUT.plus(SLACK));
        assertEquals(Outcome.REJECTED, result.outcome(), result.detail());
    }

    @Test
    void anUnreachableReceiverIsRetriedAndNotConnected() throws Exception {
        peer.behave(Behaviour.DOWN);
        DeliveryResult result = deliver(alarm(), TIMEOUT.plus(SLACK));
        assertEquals(Outcome.RETRY, result.outcome(), result.detail());
        assertFalse(connector.connected(), "not connected while nobody listens");
    }

    @Test
    void aReceiverThatNeverAnswersIsRetriedWithinTheTimeout() throws Exception {
        peer.behave(Behaviour.HANG);
        DeliveryResult result = deliver(alarm(), TIMEOUT.plus(SLACK));
        assertEquals(Outcome.RETRY, result.outcome(), result.detail());
    }

    @Test
    void garbageIsNeverDeliveredNorAnException() throws Exception {
        peer.behave(Behaviour.GARBAGE);
        DeliveryResult result = deliver(alarm(), TIMEOUT.plus(SLACK));
        assertNotEquals(Outcome.DELIVERED, result.outcome(), result.detail());
    }

    @Test
    void afterAnOutageItDeliversAgainWithoutARestart() throws Exception {
        assertEquals(Outcome.DELIVERED, deliver(alarm(), TIMEOUT.plus(SLACK)).outcome());
        peer.behave(Behaviour.DOWN);
        assertEquals(Outcome.RETRY, deliver(alarm(), TIMEOUT.plus(SLACK)).outcome());
        peer.behave(Behaviour.ACCEPT);
        Alarm after = alarm();
        long deadline = System.nanoTime() + TIMEOUT.plus(SLACK).multipliedBy(3).toNanos();
        // the first attempt after an outage may find a connection the outage cut; the outbox would retry it
        DeliveryResult last = deliver(after, TIMEOUT.plus(SLACK));
        while (last.outcome() != Outcome.DELIVERED && System.nanoTime() < deadline) {
            Thread.sleep(200);
            last = deliver(after, TIMEOUT.plus(SLACK));
        }
        assertEquals(Outcome.DELIVERED, last.outcome(), last.detail());
        assertTrue(connector.connected(), "connected after a delivery");
    }

    @Test
    void stoppingLeavesNoThreadRunning() throws Exception {
        stopConnector(connector);
        connector = null;
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        ControlRoomConnector fresh = startConnector(peer);
        assertEquals(Outcome.DELIVERED, fresh.deliver(alarm()).outcome());
        peer.behave(Behaviour.HANG);
        fresh.deliver(alarm());
        peer.behave(Behaviour.ACCEPT);
        stopConnector(fresh);
        List<String> leaked = LeakedThreads.since(before, Duration.ofSeconds(5));
        assertTrue(leaked.isEmpty(), "threads left running: " + leaked);
    }

    @Override
    public ConformanceReport report() {
        return report;
    }
}
