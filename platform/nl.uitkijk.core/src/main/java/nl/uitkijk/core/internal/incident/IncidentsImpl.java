package nl.uitkijk.core.internal.incident;

import static nl.uitkijk.core.internal.incident.Jdbc.insert;
import static nl.uitkijk.core.internal.incident.Jdbc.query;
import static nl.uitkijk.core.internal.incident.Jdbc.update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import nl.uitkijk.api.alarm.Alarm;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.alarm.AlarmQueue;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.governance.LegalHold;
import nl.uitkijk.api.governance.LegalHolds;
import nl.uitkijk.api.incident.Incident;
import nl.uitkijk.api.incident.Incident.Bookmark;
import nl.uitkijk.api.incident.Incident.JournalEntry;
import nl.uitkijk.api.incident.Incident.State;
import nl.uitkijk.api.incident.Incident.StepTick;
import nl.uitkijk.api.incident.IncidentConflict;
import nl.uitkijk.api.incident.IncidentProblem;
import nl.uitkijk.api.incident.Incidents;
import nl.uitkijk.api.incident.Outcome;
import nl.uitkijk.api.incident.Procedure;
import nl.uitkijk.api.recording.TimeRange;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.persistence.Micros;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident register, its procedures and outcomes in the platform database. Footage bookmarked in an incident
 * is held (a legal hold with the case number {@code incident-N}) until the incident is closed and its outcome's
 * keeping time has passed; a sweep releases what is due.
 */
@Component(service = Incidents.class)
public class IncidentsImpl implements Incidents {

    static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final Set<String> KINDS = Set.of("bookmark", "still", "export");
    static final int MAX_TEXT = 2000;
    /** Longer stretches are exports, not bookmarks. */
    static final Duration LONGEST_BOOKMARK = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(IncidentsImpl.class);
    private static final String COLUMNS = "id, title, type, priority, state, handed_to, outcome, opened_us, "
            + "opened_by, closed_us, closed_by, procedure_id, procedure_version";

    private final Jdbc jdbc;
    private final AlarmQueue alarms;
    private final CameraRegistry cameras;
    private final LegalHolds holds;
    private final Clock clock;
    private final ScheduledExecutorService sweeper;

    @Activate
    public IncidentsImpl(@Reference Database database, @Reference AlarmQueue alarms,
            @Reference CameraRegistry cameras, @Reference LegalHolds holds) {
        this(database, alarms, cameras, holds, Clock.systemUTC());
        sweeper.scheduleWithFixedDelay(this::releaseDueHolds, 1, 10, TimeUnit.MINUTES);
    }

    IncidentsImpl(Database database, AlarmQueue alarms, CameraRegistry cameras, LegalHolds holds, Clock clock) {
        this.jdbc = new Jdbc(database);
        this.alarms = alarms;
        this.cameras = cameras;
        this.holds = holds;
        this.clock = clock;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "uitkijk-incident-holds");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
    }

    // ---- incidents ----

    @Override
    public Incident open(String title, String type, Priority priority, Collection<String> cameraIds,
            Collection<UUID> alarmIds, String user) {
        String checkedTitle = text("title", title, 200);
        List<Alarm> attached = existingAlarms(alarmIds);
        List<String> checkedCameras = existingCameras(cameraIds);
        String checkedType = type == null || type.isBlank()
                ? attached.stream().map(Alarm::type).filter(t -> TYPE.matcher(t).matches()).findFirst().orElse(null)
                : checked("type", type.strip().toLowerCase(java.util.Locale.ROOT), TYPE,
                        "1–32 lower-case letters, digits, '.', '_' or '-' (e.g. fight)");
        Priority checkedPriority = priority != null ? priority : attached.stream().map(Alarm::priority)
                .min(Comparator.comparingInt(Priority::level)).orElse(Priority.MEDIUM);
        Optional<Procedure> procedure = checkedType == null ? Optional.empty() : procedureFor(checkedType);
        Set<String> allCameras = new LinkedHashSet<>(checkedCameras);
        attached.stream().map(Alarm::cameraId).filter(java.util.Objects::nonNull).forEach(allCameras::add);
        Instant now = now();
        long id = jdbc.transaction(connection -> {
            long created = insert(connection, "INSERT INTO incident (title, type, priority, state, opened_us, "
                    + "opened_by, procedure_id, procedure_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", checkedTitle,
                    checkedType, checkedPriority.name(), State.OPEN.name(), Micros.of(now), user,
                    procedure.map(Procedure::id).orElse(null), procedure.map(Procedure::version).orElse(null));
            journal(connection, created, now, user, "opened", checkedTitle);
            addCameras(connection, created, allCameras, now, user);
            addAlarms(connection, created, attached, now, user);
            if (procedure.isPresent()) {
                journal(connection, created, now, user, "procedure", procedure.get().id() + " v"
                        + procedure.get().version());
            }
            return created;
        });
        acknowledge(id, attached, user);
        return require(id);
    }

    @Override
    public Optional<Incident> incident(long id) {
        return jdbc.transaction(connection -> read(connection, id));
    }

    @Override
    public List<Incident> list(boolean openOnly, int limit) {
        int bounded = Math.max(1, Math.min(limit, 500));
        return jdbc.transaction(connection -> {
            List<Long> ids = query(connection, "SELECT id FROM incident" + (openOnly ? " WHERE state <> 'CLOSED'"
                    : "") + " ORDER BY id DESC FETCH FIRST " + bounded + " ROWS ONLY", row -> row.getLong(1));
            List<Incident> found = new ArrayList<>();
            for (long id : ids) {
                read(connection, id).ifPresent(found::add);
            }
            return found;
        });
    }

    @Override
    public Incident note(long id, String text, String user) {
        String checked = text("text", text, MAX_TEXT);
        return change(id, user, (connection, now) -> journal(connection, id, now, user, "note", checked));
    }

    @Override
    public Incident attach(long id, Collection<String> cameraIds, Collection<UUID> alarmIds, String user) {
        List<String> checkedCameras = existingCameras(cameraIds);
        List<Alarm> attached = existingAlarms(alarmIds);
        if (checkedCameras.isEmpty() && attached.isEmpty()) {
            throw new IncidentProblem("cameraIds", "name at least one camera or alarm to attach");
        }
        Incident changed = change(id, user, (connection, now) -> {
            Set<String> all = new LinkedHashSet<>(checkedCameras);
            attached.stream().map(Alarm::cameraId).filter(java.util.Objects::nonNull).forEach(all::add);
            addCameras(connection, id, all, now, user);
            addAlarms(connection, id, attached, now, user);
        });
        acknowledge(id, attached, user);
        return require(id);
    }

    @Override
    public Incident bookmark(long id, String cameraId, Instant from, Instant to, String kind, String label,
            String sha256, String user) {
        String checkedKind = kind == null ? "bookmark" : kind;
        if (!KINDS.contains(checkedKind)) {
            throw new IncidentProblem("kind", "kind: bookmark, still or export");
        }
        String camera = existingCameras(List.of(cameraId == null ? "" : cameraId)).get(0);
        if (from == null) {
            throw new IncidentProblem("from", "from: the moment of the footage (ISO-8601) is required");
        }
        Instant until = to == null || checkedKind.equals("still") ? from.plusSeconds(1) : to;
        if (!until.isAfter(from) || Duration.between(from, until).compareTo(LONGEST_BOOKMARK) > 0) {
            throw new IncidentProblem("to", "to: after from, at most 24 hours later");
        }
        if (from.isAfter(now().plusSeconds(60))) {
            throw new IncidentProblem("from", "from: footage cannot be marked in the future");
        }
        String checkedLabel = label == null || label.isBlank() ? checkedKind : text("label", label, 200);
        if (checkedKind.equals("export") && (sha256 == null || !sha256.matches("[0-9a-f]{64}"))) {
            throw new IncidentProblem("sha256", "sha256: an export is attached with the SHA-256 of its file");
        }
        Incident current = require(id);
        if (current.closedNow()) {
            throw closed(id);
        }
        LegalHold hold;
        try {
            hold = holds.add(camera, new TimeRange(from, until), "incident " + id + ": " + current.title(),
                    "incident-" + id, user);
        } catch (InvalidCameraException e) {
            throw new IncidentProblem("from", e.getMessage());
        }
        try {
            return change(id, user, (connection, now) -> {
                addCameras(connection, id, List.of(camera), now, user);
                insert(connection, "INSERT INTO incident_bookmark (incident_id, camera_id, from_us, to_us, kind, "
                        + "label, sha256, hold_id, at_us, user_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
                        camera, Micros.of(from), Micros.of(until), checkedKind, checkedLabel, sha256, hold.id(),
                        Micros.of(now), user);
                journal(connection, id, now, user, checkedKind, camera + " " + from + " – " + until + " "
                        + checkedLabel);
            });
        } catch (RuntimeException e) {
            release(hold.id(), user);
            throw e;
        }
    }

    @Override
    public Incident tick(long id, int step, String note, String user) {
        Incident current = require(id);
        Procedure procedure = current.procedure();
        if (procedure == null) {
            throw new IncidentProblem("step", "incident " + id + " follows no procedure");
        }
        if (step < 1 || step > procedure.steps().size()) {
            throw new IncidentProblem("step", "step: 1 to " + procedure.steps().size());
        }
        Procedure.Step wanted = procedure.steps().get(step - 1);
        String checkedNote = note == null || note.isBlank() ? null : text("note", note, 1000);
        if (wanted.noteRequired() && checkedNote == null) {
            throw new IncidentProblem("note", "note: step " + step + " asks for a note (" + wanted.text() + ")");
        }
        current.ticks().stream().filter(tick -> tick.step() == step).findFirst().ifPresent(tick -> {
            throw new IncidentConflict("incident.ticked", Map.of("step", String.valueOf(step), "user", tick.user()),
                    "step " + step + " was ticked by " + tick.user() + " at " + tick.at());
        });
        return change(id, user, (connection, now) -> {
            update(connection, "INSERT INTO incident_step (incident_id, step_no, user_name, at_us, note) VALUES "
                    + "(?, ?, ?, ?, ?)", id, step, user, Micros.of(now), checkedNote);
            journal(connection, id, now, user, "step", step + ". " + wanted.text()
                    + (checkedNote == null ? "" : " — " + checkedNote));
        });
    }

    @Override
    public Incident follow(long id, String procedureId, String user) {
        Procedure procedure = procedures().stream().filter(p -> p.id().equals(procedureId)).findFirst()
                .orElseThrow(() -> new IncidentProblem("procedure", "no procedure '" + procedureId + "'"));
        if (!require(id).ticks().isEmpty()) {
            throw new IncidentConflict("incident.procedure-kept", Map.of(),
                    "steps of the incident's procedure were ticked: it stays");
        }
        return change(id, user, (connection, now) -> {
            update(connection, "UPDATE incident SET procedure_id = ?, procedure_version = ? WHERE id = ?",
                    procedure.id(), procedure.version(), id);
            journal(connection, id, now, user, "procedure", procedure.id() + " v" + procedure.version());
        });
    }

    @Override
    public Incident move(long id, State state, String party, String user) {
        if (state == null || state == State.CLOSED) {
            throw new IncidentProblem("state", "state: OPEN, IN_PROGRESS or HANDED_OVER (closing needs an outcome)");
        }
        String checkedParty = state == State.HANDED_OVER ? checked("party", party == null ? "" : party.strip()
                .toLowerCase(java.util.Locale.ROOT), NAME, "to whom: police, handhaving, …") : null;
        return change(id, user, (connection, now) -> {
            update(connection, "UPDATE incident SET state = ?, handed_to = ? WHERE id = ?", state.name(),
                    checkedParty, id);
            journal(connection, id, now, user, "state", state.name() + (checkedParty == null ? "" : " "
                    + checkedParty));
        });
    }

    @Override
    public Incident close(long id, String outcome, String note, String user) {
        Outcome chosen = outcomes().stream().filter(o -> o.id().equals(outcome) && o.active()).findFirst()
                .orElseThrow(() -> new IncidentProblem("outcome", "outcome: one of " + outcomes().stream()
                        .filter(Outcome::active).map(Outcome::id).toList()));
        String checkedNote = note == null || note.isBlank() ? null : text("note", note, MAX_TEXT);
        Incident current = require(id);
        List<Integer> unticked = current.untickedRequiredSteps();
        if (!unticked.isEmpty()) {
            throw new IncidentConflict("incident.steps-open", Map.of("steps", unticked.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "))), "required steps of procedure '"
                    + current.procedure().id() + "' are not ticked: " + unticked);
        }
        Incident closed = change(id, user, (connection, now) -> {
            update(connection, "UPDATE incident SET state = 'CLOSED', outcome = ?, closed_us = ?, closed_by = ?, "
                    + "hold_until_us = ? WHERE id = ?", chosen.id(), Micros.of(now), user, Micros.of(now.plus(
                            Duration.ofDays(Math.max(0, chosen.keepDays())))), id);
            journal(connection, id, now, user, "closed", chosen.id() + (checkedNote == null ? "" : " — "
                    + checkedNote));
        });
        if (chosen.keepDays() <= 0) {
            releaseDueHolds();
        }
        return closed;
    }

    /** Releases the holds of closed incidents whose keeping time has passed. */
    void releaseDueHolds() {
        try {
            List<Long> due = jdbc.query("SELECT id FROM incident WHERE state = 'CLOSED' AND holds_released = 0 "
                    + "AND hold_until_us <= ?", row -> row.getLong(1), Micros.of(now()));
            for (long id : due) {
                List<Long> held = jdbc.query("SELECT hold_id FROM incident_bookmark WHERE incident_id = ? AND "
                        + "hold_id IS NOT NULL", row -> row.getLong(1), id);
                held.forEach(hold -> release(hold, "incident-" + id));
                jdbc.transaction(connection -> update(connection, "UPDATE incident SET holds_released = 1 WHERE id = ?",
                        id));
            }
        } catch (RuntimeException e) {
            LOG.warn("Holds of closed incidents were not released now (next sweep tries again): {}", e.getMessage());
        }
    }

    private void release(long holdId, String user) {
        try {
            if (holds.hold(holdId).map(LegalHold::active).orElse(false)) {
                holds.release(holdId, user);
            }
        } catch (InvalidCameraException | RuntimeException e) {
            LOG.warn("Hold {} was not released: {}", holdId, e.getMessage());
        }
    }

    // ---- outcomes and procedures ----

    @Override
    public List<Outcome> outcomes() {
        return jdbc.query("SELECT id, label, false_alarm, keep_days, active FROM incident_outcome ORDER BY id",
                row -> new Outcome(row.getString(1), row.getString(2), row.getShort(3) == 1, row.getInt(4),
                        row.getShort(5) == 1));
    }

    @Override
    public Outcome putOutcome(Outcome outcome, String user) {
        if (outcome == null) {
            throw new IncidentProblem("id", "an outcome {id, label, falseAlarm, keepDays, active} is required");
        }
        String id = checked("id", outcome.id() == null ? "" : outcome.id().strip(), NAME,
                "1–64 lower-case letters, digits, '.', '_' or '-'");
        String label = text("label", outcome.label(), 200);
        if (outcome.keepDays() < 0 || outcome.keepDays() > 3650) {
            throw new IncidentProblem("keepDays", "keepDays: 0 (released at closing) to 3650");
        }
        Outcome stored = new Outcome(id, label, outcome.falseAlarm(), outcome.keepDays(), outcome.active());
        jdbc.transaction(connection -> {
            if (update(connection, "UPDATE incident_outcome SET label = ?, false_alarm = ?, keep_days = ?, active = ? "
                    + "WHERE id = ?", label, stored.falseAlarm(), stored.keepDays(), stored.active(), id) == 0) {
                update(connection, "INSERT INTO incident_outcome (id, label, false_alarm, keep_days, active) VALUES "
                        + "(?, ?, ?, ?, ?)", id, label, stored.falseAlarm(), stored.keepDays(), stored.active());
            }
            return null;
        });
        return stored;
    }

    @Override
    public List<Procedure> procedures() {
        return jdbc.transaction(connection -> {
            List<Procedure> current = new ArrayList<>();
            for (Object[] key : query(connection, "SELECT id, MAX(version) FROM procedure_version GROUP BY id "
                    + "ORDER BY id", row -> new Object[] {row.getString(1), row.getInt(2)})) {
                readProcedure(connection, (String) key[0], (Integer) key[1]).filter(p -> !p.steps().isEmpty())
                        .ifPresent(current::add);
            }
            return current;
        });
    }

    @Override
    public Optional<Procedure> procedure(String id, int version) {
        return jdbc.transaction(connection -> readProcedure(connection, id, version));
    }

    @Override
    public Procedure putProcedure(String id, String title, Collection<String> appliesTo, List<Procedure.Step> steps,
            String user) {
        String checkedId = checked("id", id == null ? "" : id.strip(), NAME,
                "1–64 lower-case letters, digits, '.', '_' or '-'");
        String checkedTitle = text("title", title, 200);
        Set<String> types = new TreeSet<>();
        for (String type : appliesTo == null ? List.<String>of() : appliesTo) {
            types.add(checked("appliesTo", type == null ? "" : type.strip().toLowerCase(java.util.Locale.ROOT), TYPE,
                    "alarm or incident types, each 1–32 lower-case letters, digits, '.', '_' or '-'"));
        }
        if (steps == null || steps.size() > 50) {
            throw new IncidentProblem("steps", "steps: 0 (retires the procedure) to 50");
        }
        for (Procedure.Step step : steps) {
            text("steps", step == null ? null : step.text(), 500);
        }
        String joined = String.join(",", types);
        if (joined.length() > 1000) {
            throw new IncidentProblem("appliesTo", "appliesTo: too many types");
        }
        Instant now = now();
        int version = jdbc.transaction(connection -> {
            int next = query(connection, "SELECT COALESCE(MAX(version), 0) FROM procedure_version WHERE id = ?",
                    row -> row.getInt(1), checkedId).get(0) + 1;
            update(connection, "INSERT INTO procedure_version (id, version, title, applies_to, saved_us, saved_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", checkedId, next, checkedTitle, joined, Micros.of(now), user);
            for (int i = 0; i < steps.size(); i++) {
                Procedure.Step step = steps.get(i);
                update(connection, "INSERT INTO procedure_step (procedure_id, version, step_no, text, required, "
                        + "note_required) VALUES (?, ?, ?, ?, ?, ?)", checkedId, next, i + 1, step.text().strip(),
                        step.required(), step.noteRequired());
            }
            return next;
        });
        return procedure(checkedId, version).orElseThrow();
    }

    private Optional<Procedure> procedureFor(String type) {
        return procedures().stream().filter(p -> p.appliesTo().contains(type)).findFirst();
    }

    private static Optional<Procedure> readProcedure(Connection connection, String id, int version)
            throws SQLException {
        List<Procedure.Step> steps = query(connection, "SELECT text, required, note_required FROM procedure_step "
                + "WHERE procedure_id = ? AND version = ? ORDER BY step_no", row -> new Procedure.Step(row
                        .getString(1), row.getShort(2) == 1, row.getShort(3) == 1), id, version);
        return query(connection, "SELECT title, applies_to, saved_us, saved_by FROM procedure_version WHERE id = ? "
                + "AND version = ?", row -> new Procedure(id, version, row.getString(1), row.getString(2).isEmpty()
                        ? Set.of() : Set.copyOf(Arrays.asList(row.getString(2).split(","))), steps, Micros.instant(
                                row.getLong(3)), row.getString(4)), id, version).stream().findFirst();
    }

    // ---- reading and writing one incident ----

    @FunctionalInterface
    private interface Change {
        void apply(Connection connection, Instant now) throws SQLException;
    }

    /** Applies a change to an incident that is not closed, in one transaction, and answers the incident after it. */
    private Incident change(long id, String user, Change change) {
        Instant now = now();
        jdbc.transaction(connection -> {
            // the no-op update locks the row until the change is committed: two operators do not close at once
            if (update(connection, "UPDATE incident SET state = state WHERE id = ? AND state <> 'CLOSED'", id) == 0) {
                if (query(connection, "SELECT id FROM incident WHERE id = ?", row -> row.getLong(1), id).isEmpty()) {
                    throw new NoSuchElementException("no incident " + id);
                }
                throw closed(id);
            }
            change.apply(connection, now);
            return null;
        });
        return require(id);
    }

    private static IncidentConflict closed(long id) {
        return new IncidentConflict("incident.closed", Map.of("incident", String.valueOf(id)), "incident " + id
                + " is closed");
    }

    private Incident require(long id) {
        return incident(id).orElseThrow(() -> new NoSuchElementException("no incident " + id));
    }

    private Optional<Incident> read(Connection connection, long id) throws SQLException {
        List<Object[]> rows = query(connection, "SELECT " + COLUMNS + " FROM incident WHERE id = ?",
                IncidentsImpl::columns, id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        List<String> cameraIds = query(connection, "SELECT camera_id FROM incident_camera WHERE incident_id = ? "
                + "ORDER BY position", row -> row.getString(1), id);
        List<UUID> alarmIds = query(connection, "SELECT alarm_uid FROM incident_alarm WHERE incident_id = ?",
                row -> UUID.fromString(row.getString(1)), id);
        Procedure procedure = r[11] == null ? null : readProcedure(connection, (String) r[11], (Integer) r[12])
                .orElse(null);
        List<StepTick> ticks = query(connection, "SELECT step_no, user_name, at_us, note FROM incident_step WHERE "
                + "incident_id = ? ORDER BY step_no", row -> new StepTick(row.getInt(1), row.getString(2), Micros
                        .instant(row.getLong(3)), row.getString(4)), id);
        List<Bookmark> bookmarks = query(connection, "SELECT id, camera_id, from_us, to_us, kind, label, sha256, "
                + "hold_id, at_us, user_name FROM incident_bookmark WHERE incident_id = ? ORDER BY id",
                row -> new Bookmark(row.getLong(1), row.getString(2), Micros.instant(row.getLong(3)), Micros.instant(
                        row.getLong(4)), row.getString(5), row.getString(6), row.getString(7), Jdbc.longOrNull(row,
                                "hold_id"), Micros.instant(row.getLong(9)), row.getString(10)), id);
        List<JournalEntry> journal = query(connection, "SELECT at_us, user_name, kind, text FROM incident_journal "
                + "WHERE incident_id = ? ORDER BY id", row -> new JournalEntry(Micros.instant(row.getLong(1)), row
                        .getString(2), row.getString(3), row.getString(4)), id);
        return Optional.of(new Incident(id, (String) r[1], (String) r[2], Priority.valueOf((String) r[3]), State
                .valueOf((String) r[4]), (String) r[5], (String) r[6], (Instant) r[7], (String) r[8], (Instant) r[9],
                (String) r[10], cameraIds, alarmIds, procedure, ticks, bookmarks, journal));
    }

    private static Object[] columns(ResultSet row) throws SQLException {
        Long closed = Jdbc.longOrNull(row, "closed_us");
        Long version = Jdbc.longOrNull(row, "procedure_version");
        return new Object[] {row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
            row.getString(6), row.getString(7), Micros.instant(row.getLong(8)), row.getString(9),
            closed == null ? null : Micros.instant(closed), row.getString(11), row.getString(12),
            version == null ? null : version.intValue()};
    }

    private static void journal(Connection connection, long id, Instant at, String user, String kind, String text)
            throws SQLException {
        String bounded = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text;
        update(connection, "INSERT INTO incident_journal (incident_id, at_us, user_name, kind, text) VALUES "
                + "(?, ?, ?, ?, ?)", id, Micros.of(at), user, kind, bounded);
    }

    private static void addCameras(Connection connection, long id, Collection<String> cameraIds, Instant now,
            String user) throws SQLException {
        Set<String> present = new java.util.HashSet<>(query(connection, "SELECT camera_id FROM incident_camera "
                + "WHERE incident_id = ?", row -> row.getString(1), id));
        int position = present.size();
        for (String camera : cameraIds) {
            if (present.add(camera)) {
                update(connection, "INSERT INTO incident_camera (incident_id, camera_id, position) VALUES (?, ?, ?)",
                        id, camera, position++);
                journal(connection, id, now, user, "camera", camera);
            }
        }
    }

    private static void addAlarms(Connection connection, long id, List<Alarm> attached, Instant now, String user)
            throws SQLException {
        Set<String> present = new java.util.HashSet<>(query(connection, "SELECT alarm_uid FROM incident_alarm "
                + "WHERE incident_id = ?", row -> row.getString(1), id));
        for (Alarm alarm : attached) {
            if (present.add(alarm.id().toString())) {
                update(connection, "INSERT INTO incident_alarm (incident_id, alarm_uid) VALUES (?, ?)", id,
                        alarm.id().toString());
                journal(connection, id, now, user, "alarm", alarm.number() + " " + alarm.type() + " "
                        + alarm.summary());
            }
        }
    }

    /** Open alarms taken into an incident are acknowledged by the operator who took them in. */
    private void acknowledge(long id, List<Alarm> attached, String user) {
        for (Alarm alarm : attached) {
            if (alarm.open()) {
                try {
                    alarms.acknowledge(alarm.id(), user, "in incident " + id);
                } catch (IllegalStateException | NoSuchElementException e) {
                    LOG.debug("Alarm {} was acknowledged meanwhile: {}", alarm.number(), e.getMessage());
                }
            }
        }
    }

    private List<Alarm> existingAlarms(Collection<UUID> ids) {
        if (ids != null && ids.size() > 100) {
            throw new IncidentProblem("alarmIds", "alarmIds: at most 100");
        }
        List<Alarm> found = new ArrayList<>();
        for (UUID id : ids == null ? List.<UUID>of() : new LinkedHashSet<>(ids)) {
            found.add(alarms.alarm(id).orElseThrow(() -> new IncidentProblem("alarmIds", "no alarm " + id)));
        }
        return found;
    }

    private List<String> existingCameras(Collection<String> ids) {
        if (ids != null && ids.size() > 100) {
            throw new IncidentProblem("cameraIds", "cameraIds: at most 100");
        }
        List<String> found = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : new LinkedHashSet<>(ids)) {
            if (id == null || cameras.camera(id).isEmpty()) {
                throw new IncidentProblem("cameraIds", "no camera '" + id + "'");
            }
            found.add(id);
        }
        return found;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IncidentProblem(field, field + ": required");
        }
        if (value.length() > max) {
            throw new IncidentProblem(field, field + ": at most " + max + " characters");
        }
        return field.equals("text") ? value : value.strip(); // a journal note is kept exactly as written
    }

    private static String checked(String field, String value, Pattern pattern, String expected) {
        if (!pattern.matcher(value).matches()) {
            throw new IncidentProblem(field, field + ": " + expected);
        }
        return value;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
