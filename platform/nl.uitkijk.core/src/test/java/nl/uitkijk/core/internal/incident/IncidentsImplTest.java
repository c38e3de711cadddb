package nl.uitkijk.core.internal.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.uitkijk.api.alarm.Alarm;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.incident.ControlRoomFigures;
import nl.uitkijk.api.incident.Incident;
import nl.uitkijk.api.incident.Incident.State;
import nl.uitkijk.api.incident.IncidentProblem;
import nl.uitkijk.api.incident.Outcome;
import nl.uitkijk.api.incident.Procedure;
import nl.uitkijk.api.incident.ShiftLog;
import nl.uitkijk.core.internal.alarm.AlarmQueueImpl;
import nl.uitkijk.core.internal.governance.AuditLogImpl;
import nl.uitkijk.core.internal.governance.LegalHoldsImpl;
import nl.uitkijk.core.internal.persistence.DerbyDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incident register on a real Derby database, with the real alarm queue and legal-hold register. */
class IncidentsImplTest {

    @TempDir
    Path folder;
    private DerbyDatabase database;
    private AlarmQueueImpl alarms;
    private LegalHoldsImpl holds;
    private IncidentsImpl incidents;

    /** The cameras markt-1 and markt-2 exist; a registry's other methods are not used here. */
    private static CameraRegistry cameras() {
        return (CameraRegistry) Proxy.newProxyInstance(IncidentsImplTest.class.getClassLoader(), new Class<?>[] {
            CameraRegistry.class}, (proxy, method, args) -> {
                if (method.getName().equals("camera") && Set.of("markt-1", "markt-2").contains(args[0])) {
                    return Optional.of(new Camera(new CameraDefinition((String) args[0], "Markt", "demo", Map.of(),
                            null, "Centrum", null), null, List.of(), null));
                }
                if (method.getName().equals("camera")) {
                    return Optional.empty();
                }
                throw new UnsupportedOperationException(method.getName());
            });
    }

    @BeforeEach
    void open() throws Exception {
        database = new DerbyDatabase(folder.resolve("db"));
        alarms = new AlarmQueueImpl(database, (camera, type, priority) -> List.of(), Clock.systemUTC());
        holds = new LegalHoldsImpl(database, new AuditLogImpl(database));
        incidents = new IncidentsImpl(database, alarms, cameras(), holds, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        incidents.deactivate();
        database.close();
    }

    @Test
    void anIncidentFromAnAlarmFollowsItsProcedureHoldsItsFootageAndClosesOnlyWhenTheRequiredStepsAreTicked()
            throws Exception {
        Procedure fight = incidents.putProcedure("fight", "Vechtpartij", List.of("fight", "motion"), List.of(
                new Procedure.Step("Bekijk camera 2 en 3", true, false),
                new Procedure.Step("Bel handhaving", true, true),
                new Procedure.Step("Politie bij wapen", false, false)), "sam");
        assertEquals(1, fight.version());
        Alarm motion = alarms.raise("markt-1", "motion", Priority.MEDIUM, "motion in zone", null);

        Incident incident = incidents.open("Vechtpartij Markt", null, null, List.of("markt-2"), List.of(motion.id()),
                "anna");
        assertEquals("motion", incident.type(), "the type of the first alarm");
        assertEquals(Priority.MEDIUM, incident.priority());
        assertEquals(List.of("markt-2", "markt-1"), incident.cameraIds());
        assertEquals(State.OPEN, incident.state());
        assertEquals("fight", incident.procedure().id());
        assertEquals("anna", alarms.alarm(motion.id()).orElseThrow().acknowledgedBy(),
                "taking an alarm into an incident acknowledges it");
        assertEquals("in incident " + incident.id(), alarms.alarm(motion.id()).orElseThrow().comment());

        // a second version does not change the incident's
        incidents.putProcedure("fight", "Vechtpartij", List.of("fight"), List.of(new Procedure.Step("Nieuw", true,
                false)), "sam");
        assertEquals(1, incidents.incident(incident.id()).orElseThrow().procedure().version());

        String hostile = "<img src=x onerror=alert(1)>\n  twee regels  ";
        Incident noted = incidents.note(incident.id(), hostile, "anna");
        assertEquals(hostile, noted.journal().get(noted.journal().size() - 1).text(), "kept exactly as written");

        Instant at = Instant.now().minusSeconds(120);
        Incident marked = incidents.bookmark(incident.id(), "markt-1", at, at.plusSeconds(60), "bookmark",
                "klap", null, "anna");
        long holdId = marked.bookmarks().get(0).holdId();
        assertTrue(holds.hold(holdId).orElseThrow().active());
        assertEquals("incident-" + incident.id(), holds.hold(holdId).orElseThrow().caseNumber());

        assertEquals(List.of(1, 2), marked.untickedRequiredSteps());
        IllegalStateException early = assertThrows(IllegalStateException.class,
                () -> incidents.close(incident.id(), "resolved", null, "anna"));
        assertTrue(early.getMessage().contains("[1, 2]"), early.getMessage());
        incidents.tick(incident.id(), 1, null, "anna");
        IncidentProblem noNote = assertThrows(IncidentProblem.class, () -> incidents.tick(incident.id(), 2, " ",
                "anna"));
        assertEquals("note", noNote.field());
        incidents.tick(incident.id(), 2, "handhaving komt", "anna");
        assertThrows(IllegalStateException.class, () -> incidents.tick(incident.id(), 2, "x", "erik"));

        Incident handed = incidents.move(incident.id(), State.HANDED_OVER, "Police", "anna");
        assertEquals("police", handed.handedTo());
        Incident closed = incidents.close(incident.id(), "resolved", "klaar", "anna");
        assertEquals(State.CLOSED, closed.state());
        assertEquals("resolved", closed.outcome());
        assertFalse(holds.hold(holdId).orElseThrow().active(), "an outcome that keeps nothing releases at closing");
        assertThrows(IllegalStateException.class, () -> incidents.note(incident.id(), "te laat", "anna"));
        assertEquals(List.of("opened", "camera", "camera", "alarm", "procedure", "note", "bookmark", "step", "step",
                "state", "closed"), closed.journal().stream().map(Incident.JournalEntry::kind).toList());
    }

    @Test
    void anOutcomeThatKeepsFootageHoldsItUntilItsDaysHavePassed() {
        incidents.putOutcome(new Outcome("arrest", "Aanhouding", false, 90, true), "sam");
        Incident incident = incidents.open("Inbraak", "burglary", Priority.HIGH, List.of("markt-1"), List.of(), "anna");
        Instant at = Instant.now().minusSeconds(30);
        long holdId = incidents.bookmark(incident.id(), "markt-1", at, null, "still", null, null, "anna").bookmarks()
                .get(0).holdId();
        incidents.close(incident.id(), "arrest", null, "anna");
        incidents.releaseDueHolds();
        assertTrue(holds.hold(holdId).orElseThrow().active(), "held for 90 days after closing");
        IncidentsImpl later = new IncidentsImpl(database, alarms, cameras(), holds, Clock.offset(Clock.systemUTC(),
                Duration.ofDays(91)));
        later.releaseDueHolds();
        later.deactivate();
        assertFalse(holds.hold(holdId).orElseThrow().active());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        assertEquals("cameraIds", assertThrows(IncidentProblem.class, () -> incidents.open("x", null, null,
                List.of("nowhere"), List.of(), "anna")).field());
        assertEquals("alarmIds", assertThrows(IncidentProblem.class, () -> incidents.open("x", null, null, List.of(),
                List.of(java.util.UUID.randomUUID()), "anna")).field());
        assertEquals("title", assertThrows(IncidentProblem.class, () -> incidents.open(" ", null, null, List.of(),
                List.of(), "anna")).field());
        assertEquals("type", assertThrows(IncidentProblem.class, () -> incidents.open("x", "Drop Table", null,
                List.of(), List.of(), "anna")).field());
        assertTrue(incidents.list(false, 10).isEmpty());
        Incident incident = incidents.open("x", null, null, List.of(), List.of(), "anna");
        assertNull(incident.procedure());
        assertEquals("outcome", assertThrows(IncidentProblem.class, () -> incidents.close(incident.id(), "gone", null,
                "anna")).field());
        assertEquals("to", assertThrows(IncidentProblem.class, () -> incidents.bookmark(incident.id(), "markt-1",
                Instant.now(), Instant.now().minusSeconds(5), "bookmark", null, null, "anna")).field());
        assertEquals("sha256", assertThrows(IncidentProblem.class, () -> incidents.bookmark(incident.id(), "markt-1",
                Instant.now().minusSeconds(60), Instant.now(), "export", null, "nope", "anna")).field());
        assertThrows(java.util.NoSuchElementException.class, () -> incidents.note(999, "x", "anna"));
        assertEquals("text", assertThrows(IncidentProblem.class, () -> incidents.note(incident.id(), "x".repeat(2001),
                "anna")).field());
        assertEquals(1, incidents.incident(incident.id()).orElseThrow().journal().size());
    }

    @Test
    void shiftsAreBlocksOfTheLocalDayAndTheFiguresCountPerShiftAndOutcome() {
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        ShiftLogImpl shifts = new ShiftLogImpl(database, ShiftLogImpl.starts("07:00, 15:00,23:00"), zone,
                Clock.systemUTC());
        ShiftLog.Shift night = shifts.shiftAt(Instant.parse("2026-12-02T04:30:00Z")); // 05:30 local
        assertEquals("2026-12-01 23:00", night.label());
        assertEquals(Instant.parse("2026-12-02T06:00:00Z"), night.until());
        assertEquals("2026-12-01 15:00", shifts.before(night).label());
        assertEquals(List.of(LocalTime.of(7, 0), LocalTime.of(15, 0), LocalTime.of(23, 0)), ShiftLogImpl.starts(
                "23:00,07:00,15:00"));

        Alarm a = alarms.raise("markt-1", "motion", Priority.HIGH, "a", null);
        Alarm b = alarms.raise("markt-1", "motion", Priority.HIGH, "b", null);
        alarms.raise("markt-2", "tamper", Priority.LOW, "c", null);
        Incident incident = incidents.open("loos", null, null, List.of(), List.of(a.id()), "anna");
        incidents.close(incident.id(), "false-alarm", null, "anna");
        alarms.acknowledge(b.id(), "anna", "gezien");

        ControlRoomFigures.Figures figures = new ControlRoomFiguresImpl(database, shifts).figures(Instant.now()
                .minusSeconds(3600), Instant.now().plusSeconds(60), ControlRoomFigures.Grouping.SHIFT);
        assertEquals(new ControlRoomFigures.Count("markt-1", "motion", 2), figures.counts().get(0));
        ControlRoomFigures.Times high = figures.times().stream().filter(t -> t.priority().equals("HIGH")).findFirst()
                .orElseThrow();
        assertEquals(2, high.acknowledged());
        assertEquals(1, high.closed());
        assertEquals(shifts.shiftAt(Instant.now()).label(), high.period());
        assertEquals(0.5, figures.falseAlarmShare(), 1e-9, "one of the two alarms dealt with was a false alarm");
        assertEquals(2, figures.outcomes().size());
        assertEquals(2.0, ControlRoomFiguresImpl.percentile(List.of(5L, 1L, 3L, 2L), 50), "nearest rank");
        assertEquals(5.0, ControlRoomFiguresImpl.percentile(List.of(5L, 1L, 3L, 2L), 90));
    }
}
