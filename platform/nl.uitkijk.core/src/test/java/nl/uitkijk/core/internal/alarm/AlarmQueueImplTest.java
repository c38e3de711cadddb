package nl.uitkijk.core.internal.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.uitkijk.api.alarm.Alarm;
import nl.uitkijk.api.event.EventTopics;
import nl.uitkijk.core.internal.persistence.DerbyDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

class AlarmQueueImplTest {

    private static final AlarmQueueImpl.Routes NO_CONNECTORS = (camera, type, priority) -> List.of();

    @TempDir
    Path folder;
    private DerbyDatabase database;
    private AlarmQueueImpl queue;

    @BeforeEach
    void open() throws Exception {
        database = new DerbyDatabase(folder.resolve("db"));
        queue = new AlarmQueueImpl(database, NO_CONNECTORS, java.time.Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void eventsBecomeStoredAlarmsThatWaitForAnAcknowledgement() {
        List<Alarm> told = new CopyOnWriteArrayList<>();
        queue.subscribe(told::add);
        queue.handleEvent(new Event(EventTopics.CAMERA_STATUS, Map.of(EventTopics.CAMERA_ID, "c1",
                EventTopics.STATUS, "ONLINE", EventTopics.DETAIL, "")));
        queue.handleEvent(new Event(EventTopics.CAMERA_STATUS, Map.of(EventTopics.CAMERA_ID, "c1",
                EventTopics.STATUS, "OFFLINE", EventTopics.DETAIL, "connection refused")));
        queue.handleEvent(new Event(EventTopics.CAMERA_STATUS, Map.of(EventTopics.CAMERA_ID, "c1",
                EventTopics.STATUS, "OFFLINE", EventTopics.DETAIL, "still refused")));
        queue.handleEvent(new Event(EventTopics.DEVICE_EVENT, Map.of(EventTopics.CAMERA_ID, "c2",
                EventTopics.TYPE, "tamper", EventTopics.ACTIVE, true, EventTopics.DETAIL, "{}")));
        queue.handleEvent(new Event(EventTopics.DEVICE_EVENT, Map.of(EventTopics.CAMERA_ID, "c2",
                EventTopics.TYPE, "tamper", EventTopics.ACTIVE, true, EventTopics.DETAIL, "{}")));
        queue.handleEvent(new Event(EventTopics.DEVICE_EVENT, Map.of(EventTopics.CAMERA_ID, "c2",
                EventTopics.TYPE, "tamper", EventTopics.ACTIVE, false, EventTopics.DETAIL, "{}")));
        queue.handleEvent(new Event(EventTopics.CAMERA_STATUS, Map.of(EventTopics.CAMERA_ID, "c1",
                EventTopics.STATUS, "ONLINE", EventTopics.DETAIL, "")));

        List<Alarm> open = queue.recent(10, true);
        assertEquals(List.of("camera-online", "tamper", "camera-offline"), open.stream().map(Alarm::type).toList(),
                "an online camera at start is no alarm; a repeated offline is one; a repeated tamper within 30 s is one; "
                        + "an ended tamper is none");
        assertEquals(Alarm.Priority.HIGH, open.get(2).priority());
        assertEquals("camera offline: connection refused", open.get(2).summary());
        assertEquals(3, told.size(), "every stored alarm is told");

        Alarm acknowledged = queue.acknowledge(open.get(1).id(), "anna", "Camera afgeplakt; handhaving gaat kijken");
        assertEquals("anna", acknowledged.acknowledgedBy());
        assertFalse(acknowledged.open());
        assertEquals(2, queue.recent(10, true).size());
        assertEquals(3, queue.recent(10, false).size());
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> queue.acknowledge(open.get(1).id(), "erik", "ook gezien"));
        assertTrue(twice.getMessage().contains("acknowledged by anna"), twice.getMessage());
        assertThrows(java.util.NoSuchElementException.class, () -> queue.acknowledge(java.util.UUID.randomUUID(), "anna", "x"));
        assertEquals(4, told.size(), "the acknowledgement is told too");
    }

    @Test
    void alarmsSurviveARestart() throws Exception {
        queue.handleEvent(new Event(EventTopics.DESIGNATION_WARNING, Map.of(EventTopics.DESIGNATION_ID, "d1",
                EventTopics.TYPE, "END_IN_7_DAYS", EventTopics.DETAIL, "designation 'Kermis' ends in 7 days")));
        database.close();
        database = new DerbyDatabase(folder.resolve("db"));
        List<Alarm> open = new AlarmQueueImpl(database, NO_CONNECTORS, java.time.Clock.systemUTC()).recent(10, true);
        assertEquals(1, open.size());
        assertEquals("designation 'Kermis' ends in 7 days", open.get(0).summary());
    }

    @Test
    void anAlarmRaisedWhileTheDatabaseRefusesIsStoredWhenItIsBackInOrder() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        AlarmQueueImpl flaky = new AlarmQueueImpl(new nl.uitkijk.core.internal.persistence.Database() {
            @Override
            public java.sql.Connection connection() throws java.sql.SQLException {
                if (down.get()) {
                    throw new java.sql.SQLException("database unavailable");
                }
                return database.connection();
            }

            @Override
            public boolean createdNow() {
                return false;
            }
        }, NO_CONNECTORS, java.time.Clock.systemUTC());
        try {
            List<Alarm> told = new CopyOnWriteArrayList<>();
            flaky.subscribe(told::add);
            flaky.handleEvent(new Event(EventTopics.SYSTEM_ALARM, Map.of(EventTopics.CAMERA_ID, "c1",
                    EventTopics.TYPE, "recording-failing", EventTopics.PRIORITY, "HIGH", EventTopics.DETAIL,
                    "recording of camera c1 failing: disk full")));
            flaky.handleEvent(new Event(EventTopics.CAMERA_STATUS, Map.of(EventTopics.CAMERA_ID, "c2",
                    EventTopics.STATUS, "OFFLINE", EventTopics.DETAIL, "no route")));
            assertEquals(2, flaky.pendingCount(), "kept, not dropped");
            assertTrue(told.isEmpty());
            down.set(false);
            flaky.retryPending();
            assertEquals(0, flaky.pendingCount());
            assertEquals(List.of("recording-failing", "camera-offline"), told.stream().map(Alarm::type).toList(),
                    "stored and told in the order they were raised");
            assertEquals(Alarm.Priority.HIGH, queue.recent(10, true).get(1).priority());
            assertEquals("recording of camera c1 failing: disk full", queue.recent(10, true).get(1).summary());
        } finally {
            flaky.stop();
        }
    }

    @Test
    void anAlarmIsStoredWithItsDeliveriesOrNotAtAll() throws Exception {
        AlarmQueueImpl routed = new AlarmQueueImpl(database, (camera, type, priority) -> type.equals("broken")
                ? List.of("police", "police") : List.of("police", "toezicht"), java.time.Clock.systemUTC());
        Alarm raised = routed.raise("c1", "fight", Alarm.Priority.HIGH, "vechtpartij Pancratiusplein", "anna");
        assertEquals("anna", raised.raisedBy());
        assertEquals(raised, routed.alarm(raised.id()).orElseThrow());
        assertEquals(raised, routed.alarm(raised.number()).orElseThrow());
        List<nl.uitkijk.api.alarm.Delivery> deliveries = routed.deliveries(raised.id());
        assertEquals(List.of("police", "toezicht"), deliveries.stream().map(d -> d.connectorId()).toList());
        assertTrue(deliveries.stream().allMatch(d -> d.state() == nl.uitkijk.api.alarm.Delivery.State.PENDING
                && d.attempts() == 0));

        // a delivery row that cannot be written takes the alarm with it: never an alarm without its deliveries
        int before = routed.recent(100, false).size();
        assertThrows(IllegalStateException.class, () -> routed.raise("c1", "broken", Alarm.Priority.LOW, "x", null));
        assertEquals(before, routed.recent(100, false).size());
        Alarm second = routed.raise(null, "manual", Alarm.Priority.MEDIUM, "na de fout", null);
        assertNotEquals(raised.id(), second.id());
        assertTrue(second.number() > raised.number());

        // a page of the queue reads its deliveries at once, as each alarm alone would
        List<java.util.UUID> page = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            page.add(routed.raise("c" + i, "motion", Alarm.Priority.LOW, "beweging " + i, null).id());
        }
        page.add(raised.id());
        Map<java.util.UUID, List<nl.uitkijk.api.alarm.Delivery>> all = routed.deliveries(page);
        assertEquals(151, all.size());
        for (java.util.UUID id : page) {
            assertEquals(routed.deliveries(id), all.get(id));
        }
    }
}
