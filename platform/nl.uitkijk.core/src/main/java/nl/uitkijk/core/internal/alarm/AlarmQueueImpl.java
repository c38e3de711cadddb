package nl.uitkijk.core.internal.alarm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import nl.uitkijk.api.alarm.Alarm;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.alarm.AlarmQueue;
import nl.uitkijk.api.alarm.Delivery;
import nl.uitkijk.core.internal.connector.ConnectorDirectory;
import nl.uitkijk.core.internal.connector.OutboxStore;
import nl.uitkijk.api.event.EventTopics;
import nl.uitkijk.core.internal.persistence.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarm queue on Derby. It listens to the platform's events and turns the ones an operator must see into alarms:
 * a camera going offline (high; back online is low, and only after it was offline), tamper and inputs (high), motion
 * (medium), designation warnings (medium), and the platform's and plugins' own trouble ({@link EventTopics#SYSTEM_ALARM}:
 * recording failing, storage low, integrity). Each alarm is stored first and then handed to the subscribers, so an alarm
 * raised while no console is open waits in the queue.
 */
@Component(service = { AlarmQueue.class, EventHandler.class }, property = {
    EventConstants.EVENT_TOPIC + "=" + EventTopics.CAMERA_STATUS, EventConstants.EVENT_TOPIC + "="
        + EventTopics.DEVICE_EVENT, EventConstants.EVENT_TOPIC + "=" + EventTopics.DESIGNATION_WARNING,
    EventConstants.EVENT_TOPIC + "=" + EventTopics.SYSTEM_ALARM })
public class AlarmQueueImpl implements AlarmQueue, EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmQueueImpl.class);
    private static final String COLUMNS = "id, uid, raised_us, camera_id, type, priority, summary, raised_by, "
            + "ack_user, ack_us, ack_comment";

    /** Which connector instances receive an alarm (the connector directory's routing). */
    @FunctionalInterface
    public interface Routes {
        List<String> of(String cameraId, String type, Priority priority);
    }

    private final Database database;
    private final Routes routes;
    private final Clock clock;
    private final List<Consumer<Alarm>> listeners = new CopyOnWriteArrayList<>();
    /** Cameras for which an offline alarm was raised: their return is worth telling. */
    private final Map<String, Boolean> offline = new ConcurrentHashMap<>();
    /** When each camera's device events of a kind last raised an alarm: a repetition soon after adds nothing. */
    private final Map<String, Instant> lastRaised = new ConcurrentHashMap<>();
    static final java.time.Duration REPEAT_WINDOW = java.time.Duration.ofSeconds(30);
    /** Alarms kept while the database refuses them (memory bounds it; each is logged as it is kept). */
    static final int MAX_PENDING = 10_000;
    private final java.util.ArrayDeque<Pending> pending = new java.util.ArrayDeque<>();
    private final java.util.concurrent.ScheduledExecutorService retry = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "uitkijk-alarm-retry");
                thread.setDaemon(true);
                return thread;
            });

    @Activate
    public AlarmQueueImpl(@Reference Database database, @Reference ConnectorDirectory directory) {
        this(database, directory::routes, Clock.systemUTC());
    }

    public AlarmQueueImpl(Database database, Routes routes, Clock clock) {
        this.database = database;
        this.routes = routes;
        this.clock = clock;
        giveOlderAlarmsIds();
        retry.scheduleWithFixedDelay(this::retryPending, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
    }

    @org.osgi.service.component.annotations.Deactivate
    void stop() {
        retry.shutdownNow();
        if (pendingCount() > 0) {
            LOG.error("ALARMS NOT STORED at shutdown: {} waited for the database", pendingCount());
        }
    }

    @Override
    public void handleEvent(Event event) {
        String camera = (String) event.getProperty(EventTopics.CAMERA_ID);
        String detail = String.valueOf(event.getProperty(EventTopics.DETAIL));
        switch (event.getTopic()) {
            case EventTopics.CAMERA_STATUS -> {
                String status = String.valueOf(event.getProperty(EventTopics.STATUS));
                if (status.equals("OFFLINE") && offline.putIfAbsent(camera, true) == null) {
                    raise(camera, "camera-offline", Priority.HIGH, "camera offline: " + detail);
                } else if (status.equals("ONLINE") && offline.remove(camera) != null) {
                    raise(camera, "camera-online", Priority.LOW, "camera online again");
                }
            }
            case EventTopics.DEVICE_EVENT -> {
                if (Boolean.TRUE.equals(event.getProperty(EventTopics.ACTIVE))) {
                    String type = String.valueOf(event.getProperty(EventTopics.TYPE))
                            .toLowerCase(Locale.ROOT);
                    Priority priority = type.equals("motion") ? Priority.MEDIUM : type.equals("tamper")
                            || type.equals("input") ? Priority.HIGH : Priority.MEDIUM;
                    Instant now = clock.instant();
                    Instant before = lastRaised.put(camera + " " + type, now);
                    // cameras repeat an ongoing detection (and some report one twice): one alarm per episode
                    if (before == null || before.plus(REPEAT_WINDOW).isBefore(now)) {
                        raise(camera, type, priority, type + " reported by the camera " + detail);
                    }
                }
            }
            case EventTopics.SYSTEM_ALARM -> {
                String type = String.valueOf(event.getProperty(EventTopics.TYPE)).toLowerCase(Locale.ROOT);
                Priority priority;
                try {
                    priority = Priority.valueOf(String.valueOf(event.getProperty(EventTopics.PRIORITY)));
                } catch (IllegalArgumentException e) {
                    priority = Priority.HIGH; // trouble of unknown urgency is shown, not hidden
                }
                Instant now = clock.instant();
                Instant before = lastRaised.put(camera + " " + type, now);
                if (before == null || before.plus(REPEAT_WINDOW).isBefore(now)) {
                    raise(camera, type, priority, detail);
                }
            }
            default -> raise(null, "designation", Priority.MEDIUM, detail);
        }
    }

    /** Alarms stored before version 10 of the schema get their global id. */
    private void giveOlderAlarmsIds() {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT id FROM alarm WHERE uid IS NULL");
                PreparedStatement update = connection.prepareStatement("UPDATE alarm SET uid = ? WHERE id = ?");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                update.setString(1, UUID.randomUUID().toString());
                update.setLong(2, rows.getLong(1));
                update.executeUpdate();
            }
        } catch (SQLException e) {
            LOG.warn("Older alarms could not be given ids: {}", e.getMessage());
        }
    }

    /** An alarm raised while the database could not take it: stored as soon as it can, in order. */
    private record Pending(UUID id, Instant raised, String cameraId, String type, Priority priority, String summary,
            String raisedBy, List<String> connectors) {
    }

    @Override
    public Alarm raise(String cameraId, String type, Priority priority, String summary, String raisedBy) {
        return stored(pending(UUID.randomUUID(), cameraId, type, priority, summary, raisedBy, null));
    }

    @Override
    public Alarm raise(UUID id, String cameraId, String type, Priority priority, String summary, String raisedBy,
            java.util.Collection<String> connectors) {
        return stored(pending(id, cameraId, type, priority, summary, raisedBy, List.copyOf(connectors)));
    }

    private Alarm stored(Pending alarm) {
        synchronized (pending) {
            if (!pending.isEmpty() && !storePending()) {
                throw new IllegalStateException("the database does not take alarms now (" + pending.size()
                        + " waiting)");
            }
            try {
                return store(alarm);
            } catch (SQLException e) {
                throw new IllegalStateException("the alarm was not stored: " + e.getMessage(), e);
            }
        }
    }

    private Pending pending(UUID id, String cameraId, String type, Priority priority, String summary,
            String raisedBy, List<String> connectors) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String text = summary.length() > 500 ? summary.substring(0, 497) + "…" : summary;
        return new Pending(id, now, cameraId, type.length() > 32 ? type.substring(0, 32) : type, priority, text,
                raisedBy, connectors);
    }

    /** Stores an alarm, then tells the subscribers; kept and stored later when the database refuses it now. */
    Alarm raise(String cameraId, String type, Priority priority, String summary) {
        Pending alarm = pending(UUID.randomUUID(), cameraId, type, priority, summary, null, null);
        synchronized (pending) {
            if (!pending.isEmpty() && !storePending()) {
                keep(alarm);
                return null;
            }
            try {
                return store(alarm);
            } catch (SQLException e) {
                LOG.error("ALARM NOT YET STORED, kept to store again ({} {} {}): {}", priority, cameraId, alarm.summary(),
                        e.getMessage());
                keep(alarm);
                return null;
            }
        }
    }

    private void keep(Pending alarm) {
        if (pending.size() >= MAX_PENDING) {
            Pending lost = pending.pollFirst();
            LOG.error("ALARM LOST: more than {} alarms waited for the database ({} {} {})", MAX_PENDING,
                    lost.priority(), lost.cameraId(), lost.summary());
        }
        pending.addLast(alarm);
    }

    /** Stores what waited, oldest first; called with the lock held. @return whether none is left */
    private boolean storePending() {
        while (!pending.isEmpty()) {
            try {
                store(pending.peekFirst());
            } catch (SQLException e) {
                return false;
            }
            pending.pollFirst();
        }
        return true;
    }

    /** Stores what waited for the database, if it is back (the retry timer). */
    void retryPending() {
        synchronized (pending) {
            int waiting = pending.size();
            if (waiting > 0 && storePending()) {
                LOG.warn("The database is back: {} alarms that waited are stored", waiting);
            }
        }
    }

    /** How many alarms wait for the database. */
    int pendingCount() {
        synchronized (pending) {
            return pending.size();
        }
    }

    /**
     * Stores the alarm and its deliveries (one per connector instance that takes it) in one transaction, then tells
     * the subscribers: the outbox among them finds the deliveries already there.
     */
    private Alarm store(Pending alarm) throws SQLException {
        List<String> connectors = alarm.connectors() != null ? alarm.connectors()
                : routes.of(alarm.cameraId(), alarm.type(), alarm.priority());
        Alarm stored;
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                long number;
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alarm (uid, raised_us, "
                        + "camera_id, type, priority, summary, raised_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, alarm.id().toString());
                    insert.setLong(2, micros(alarm.raised()));
                    insert.setString(3, alarm.cameraId());
                    insert.setString(4, alarm.type());
                    insert.setString(5, alarm.priority().name());
                    insert.setString(6, alarm.summary());
                    insert.setString(7, alarm.raisedBy());
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        number = keys.getLong(1);
                    }
                }
                if (!connectors.isEmpty()) {
                    try (PreparedStatement delivery = connection.prepareStatement("INSERT INTO alarm_delivery "
                            + "(alarm_id, connector_id, state, next_us) VALUES (?, ?, 'PENDING', ?)")) {
                        for (String connector : connectors) {
                            delivery.setLong(1, number);
                            delivery.setString(2, connector);
                            delivery.setLong(3, micros(alarm.raised()));
                            delivery.addBatch();
                        }
                        delivery.executeBatch();
                    }
                }
                connection.commit();
                stored = new Alarm(alarm.id(), number, alarm.raised(), alarm.cameraId(), alarm.type(),
                        alarm.priority(), alarm.summary(), alarm.raisedBy(), null, null, null);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        tell(stored);
        return stored;
    }

    @Override
    public List<Delivery> deliveries(UUID id) {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT id FROM alarm WHERE uid = ?")) {
            select.setString(1, id.toString());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? OutboxStore.deliveries(connection, rows.getLong(1)) : List.of();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the deliveries: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Alarm> recent(int limit, boolean openOnly) {
        String sql = "SELECT " + COLUMNS + " FROM alarm" + (openOnly ? " WHERE ack_user IS NULL" : "")
                + " ORDER BY id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY";
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            List<Alarm> alarms = new ArrayList<>();
            while (rows.next()) {
                alarms.add(alarm(rows));
            }
            return alarms;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the alarm queue: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<UUID, List<Delivery>> deliveries(java.util.Collection<UUID> ids) {
        Map<UUID, List<Delivery>> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<UUID> all = List.copyOf(ids);
        // in chunks: one statement per hundred alarms, not one per alarm
        for (int from = 0; from < all.size(); from += 100) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + 100));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (Connection connection = database.connection();
                    PreparedStatement select = connection.prepareStatement("SELECT a.uid, d.connector_id, d.state, "
                            + "d.attempts, d.last_error, d.last_us, d.delivered_us, d.failing_us FROM alarm_delivery d "
                            + "JOIN alarm a ON a.id = d.alarm_id WHERE a.uid IN (" + marks + ") "
                            + "ORDER BY d.connector_id")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i).toString());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.computeIfAbsent(UUID.fromString(rows.getString(1)), id -> new ArrayList<>())
                                .add(OutboxStore.delivery(rows));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the deliveries: " + e.getMessage(), e);
            }
        }
        return found;
    }

    @Override
    public Optional<Alarm> alarm(UUID id) {
        return select("uid", id.toString());
    }

    @Override
    public Optional<Alarm> alarm(long number) {
        return select("id", number);
    }

    private Optional<Alarm> select(String column, Object value) {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM alarm WHERE " + column + " = ?")) {
            select.setObject(1, value);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(alarm(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the alarm queue: " + e.getMessage(), e);
        }
    }

    @Override
    public Alarm acknowledge(UUID id, String user, String comment) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try (Connection connection = database.connection();
                PreparedStatement update = connection.prepareStatement("UPDATE alarm SET ack_user = ?, ack_us = ?, "
                        + "ack_comment = ? WHERE uid = ? AND ack_user IS NULL")) {
            update.setString(1, user);
            update.setLong(2, micros(now));
            update.setString(3, comment.length() > 500 ? comment.substring(0, 500) : comment);
            update.setString(4, id.toString());
            if (update.executeUpdate() == 0) {
                Alarm existing = alarm(id).orElseThrow(() -> new NoSuchElementException("no alarm " + id));
                throw new IllegalStateException("alarm " + id + " was acknowledged by " + existing.acknowledgedBy()
                        + " at " + existing.acknowledgedAt());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot acknowledge: " + e.getMessage(), e);
        }
        Alarm acknowledged = alarm(id).orElseThrow();
        tell(acknowledged);
        return acknowledged;
    }

    @Override
    public AutoCloseable subscribe(Consumer<Alarm> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void tell(Alarm alarm) {
        for (Consumer<Alarm> listener : listeners) {
            try {
                listener.accept(alarm);
            } catch (RuntimeException e) {
                LOG.warn("An alarm listener failed; the alarm stays in the queue", e);
            }
        }
    }

    private static Alarm alarm(ResultSet row) throws SQLException {
        long ack = row.getLong("ack_us");
        boolean acknowledged = !row.wasNull();
        return new Alarm(UUID.fromString(row.getString("uid")), row.getLong("id"), instant(row.getLong("raised_us")),
                row.getString("camera_id"), row.getString("type"), Priority.valueOf(row.getString("priority")),
                row.getString("summary"), row.getString("raised_by"), row.getString("ack_user"), acknowledged ? instant(ack) : null, row.getString("ack_comment"));
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
    }
}
