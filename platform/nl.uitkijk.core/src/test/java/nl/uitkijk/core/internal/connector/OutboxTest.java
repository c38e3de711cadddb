package nl.uitkijk.core.internal.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import nl.uitkijk.api.alarm.Alarm;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.alarm.Delivery;
import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.api.connector.DeliveryResult;
import nl.uitkijk.api.connector.DeliveryResult.Outcome;
import nl.uitkijk.api.connector.Routing;
import nl.uitkijk.core.internal.alarm.AlarmQueueImpl;
import nl.uitkijk.core.internal.persistence.DerbyDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox on a real Derby: order per instance, back-off, refusals, a connector that goes away and comes back, and
 * a restart that finds what was not delivered. The connector here is a scripted stand-in (the real connectors are
 * tested against real receivers in their own bundles and in Karaf).
 */
class OutboxTest {

    @TempDir
    Path folder;
    private DerbyDatabase database;
    private AlarmQueueImpl alarms;
    private Outbox outbox;
    private final List<ConnectorDirectory.Entry> instances = new ArrayList<>();

    /** Answers as the test says; records what it was offered. */
    static final class ScriptedConnector implements ControlRoomConnector {
        final List<UUID> offered = new CopyOnWriteArrayList<>();
        final AtomicReference<Outcome> answer = new AtomicReference<>(Outcome.DELIVERED);

        @Override
        public String id() {
            return "police";
        }

        @Override
        public String label() {
            return "Politie";
        }

        @Override
        public DeliveryResult deliver(nl.uitkijk.api.connector.Alarm alarm) {
            offered.add(alarm.id());
            return new DeliveryResult(answer.get(), answer.get() == Outcome.DELIVERED ? "200" : "503 busy");
        }

        @Override
        public boolean connected() {
            return answer.get() == Outcome.DELIVERED;
        }
    }

    @BeforeEach
    void open() {
        database = new DerbyDatabase(folder.resolve("db"));
        instances.add(entry("police", Routing.ALL));
        instances.add(entry("toezicht", new Routing(java.util.Set.of("fight"), null, null, null, null, null)));
        start(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(300));
    }

    private void start(Duration first, Duration cap, Duration failingAfter) {
        alarms = new AlarmQueueImpl(database, (camera, type, priority) -> instances.stream()
                .filter(e -> e.filter().takes(new RouteFilter.Facts(type, priority, camera, null, null,
                        java.time.ZonedDateTime.now()))).map(ConnectorDirectory.Entry::id).toList(), Clock.systemUTC());
        outbox = new Outbox(database, alarms, listener -> {
            listener.accept(instances);
            return () -> { };
        }, new DeliveryLane.Timing(first, cap, failingAfter), "heerlen", Clock.systemUTC());
    }

    private static ConnectorDirectory.Entry entry(String id, Routing routing) {
        return new ConnectorDirectory.Entry(id, "test", id, "pid." + id, Map.of(), routing, new RouteFilter(routing));
    }

    @AfterEach
    void close() {
        outbox.stop();
        database.close();
    }

    @Test
    void deliversInOrderRetriesWithBackOffAndSaysWhenDeliveryFails() throws Exception {
        ScriptedConnector police = new ScriptedConnector();
        police.answer.set(Outcome.RETRY);
        outbox.bindConnector(police, Map.of(ControlRoomConnector.CONNECTOR_ID, "police"));
        Alarm first = alarms.raise("c1", "fight", Priority.HIGH, "een", "anna");
        Alarm second = alarms.raise("c1", "motion", Priority.MEDIUM, "twee", null);
        await(() -> police.offered.size() >= 4, "retried");
        assertTrue(police.offered.stream().allMatch(first.id()::equals), "the head of the lane blocks the rest: "
                + police.offered);
        await(() -> alarms.recent(20, false).stream().anyMatch(a -> a.type().equals("delivery-failing")),
                "an operator alarm says delivery is failing");
        Delivery retrying = alarms.deliveries(first.id()).stream().filter(d -> d.connectorId().equals("police"))
                .findFirst().orElseThrow();
        assertEquals(Delivery.State.RETRYING, retrying.state());
        assertEquals("503 busy", retrying.lastError());

        police.answer.set(Outcome.DELIVERED);
        await(() -> alarms.deliveries(second.id()).get(0).state() == Delivery.State.DELIVERED, "delivered later");
        int firstIndex = police.offered.lastIndexOf(first.id());
        assertTrue(firstIndex < police.offered.indexOf(second.id()), "in the order raised");
        await(() -> alarms.recent(20, false).stream().anyMatch(a -> a.type().equals("delivery-restored")),
                "an operator alarm says it works again");
        assertTrue(alarms.deliveries(alarms.recent(20, false).stream().filter(a -> a.type().equals(
                "delivery-failing")).findFirst().orElseThrow().id()).isEmpty(),
                "the failure of delivery is not sent to the failing control room");
        // toezicht takes only fights and has no connector: its delivery waits
        assertEquals(List.of("police", "toezicht"), alarms.deliveries(first.id()).stream()
                .map(Delivery::connectorId).toList());
        assertEquals(1, alarms.deliveries(second.id()).size());
        assertEquals(1, outbox.lane("toezicht").orElseThrow().backlog());
    }

    @Test
    void aRefusalIsFinalAndRaisesAnOperatorAlarm() throws Exception {
        ScriptedConnector police = new ScriptedConnector();
        police.answer.set(Outcome.REJECTED);
        outbox.bindConnector(police, Map.of(ControlRoomConnector.CONNECTOR_ID, "police"));
        Alarm refused = alarms.raise("c1", "motion", Priority.LOW, "bewegen", null);
        await(() -> alarms.deliveries(refused.id()).get(0).state() == Delivery.State.REJECTED, "rejected");
        await(() -> alarms.recent(20, false).stream().anyMatch(a -> a.type().equals("delivery-rejected")
                && a.summary().contains("Politie refused alarm " + refused.number())), "operator alarm");
        police.answer.set(Outcome.DELIVERED);
        Alarm next = alarms.raise("c1", "motion", Priority.LOW, "weer", null);
        await(() -> alarms.deliveries(next.id()).get(0).state() == Delivery.State.DELIVERED, "the next goes out");
        assertEquals(1, police.offered.stream().filter(refused.id()::equals).count(), "a refusal is not retried");
    }

    @Test
    void whatWaitsSurvivesAnUninstallAndARestartAndGoesOutOnceTheConnectorIsBack() throws Exception {
        ScriptedConnector police = new ScriptedConnector();
        outbox.bindConnector(police, Map.of(ControlRoomConnector.CONNECTOR_ID, "police"));
        Alarm before = alarms.raise("c1", "motion", Priority.LOW, "voor", null);
        await(() -> police.offered.contains(before.id()), "delivered while installed");
        outbox.unbindConnector(police, Map.of(ControlRoomConnector.CONNECTOR_ID, "police"));
        List<UUID> raised = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            raised.add(alarms.raise("c1", "motion", Priority.LOW, "weg " + i, null).id());
        }
        Thread.sleep(200);
        assertEquals(25, outbox.lane("police").orElseThrow().backlog());
        outbox.stop();
        database.close();

        database = new DerbyDatabase(folder.resolve("db"));
        start(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(60));
        ScriptedConnector reinstalled = new ScriptedConnector();
        outbox.bindConnector(reinstalled, Map.of(ControlRoomConnector.CONNECTOR_ID, "police"));
        await(() -> reinstalled.offered.size() == 25, "all 25 delivered after the restart");
        assertEquals(raised, reinstalled.offered, "in order, each once");
        await(() -> outbox.lane("police").orElseThrow().backlog() == 0, "nothing left");
    }

    @Test
    void backOffDoublesUpToItsCap() {
        DeliveryLane lane = new DeliveryLane("x", null, null, null, new DeliveryLane.Timing(Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofSeconds(60)), Clock.systemUTC());
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L), java.util.stream.IntStream.of(1, 2, 3, 4, 5, 6, 7,
                100).mapToObj(n -> lane.backOff(n).toSeconds()).toList());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
