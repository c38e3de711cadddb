package nl.uitkijk.core.internal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.uitkijk.api.event.EventTopics;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designation.Position;
import nl.uitkijk.core.internal.persistence.DerbyDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Warnings before a designation ends and at its evaluation date, each once, on the real register. */
class DesignationWarningsTest {

    private static final List<Position> AREA = List.of(new Position(5.977, 50.887), new Position(5.983, 50.887),
            new Position(5.983, 50.890), new Position(5.977, 50.887));
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2027-01-01T00:00:00Z");

    @TempDir
    Path folder;
    private DerbyDatabase database;
    private DesignationsImpl designations;
    private final List<Event> posted = new CopyOnWriteArrayList<>();
    private final EventAdmin events = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            posted.add(event);
        }
    };

    @BeforeEach
    void open() throws Exception {
        database = new DerbyDatabase(folder.resolve("db"));
        designations = new DesignationsImpl(database, new AuditLogImpl(database),
                DesignationsImplTest.configuration(folder.resolve("none")));
        designations.add(new Designation(null, "Centrum", "2026/1", null, "Openbare orde", List.of(AREA), START, END,
                List.of(), LocalDate.of(2026, 12, 20), List.of()), "anna");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<String> checkAt(String instant) {
        return new DesignationWarnings(database, designations, events, Clock.fixed(Instant.parse(instant),
                ZoneOffset.UTC)).check();
    }

    @Test
    void thirtyAndSevenDaysBeforeTheEndAndAtTheEvaluationDateEachOnce() {
        assertEquals(List.of(), checkAt("2026-11-15T12:00:00Z"), "47 days left: nothing yet");
        assertEquals(List.of("END_IN_30_DAYS centrum"), checkAt("2026-12-02T12:00:00Z"));
        assertEquals(List.of(), checkAt("2026-12-03T12:00:00Z"), "given once");
        assertEquals(List.of("END_IN_7_DAYS centrum"), checkAt("2026-12-25T12:00:00Z").subList(0, 1));
        assertEquals(List.of(), checkAt("2026-12-26T12:00:00Z"));

        Event warning = posted.get(0);
        assertEquals(EventTopics.DESIGNATION_WARNING, warning.getTopic());
        assertEquals("centrum", warning.getProperty(EventTopics.DESIGNATION_ID));
        assertEquals("END_IN_30_DAYS", warning.getProperty(EventTopics.TYPE));
        assertTrue(warning.getProperty(EventTopics.DETAIL).toString().contains("ends on 2027-01-01 01:00, in 29 days"),
                warning.getProperty(EventTopics.DETAIL).toString());
        assertTrue(posted.stream().anyMatch(e -> "EVALUATION_DUE".equals(e.getProperty(EventTopics.TYPE))
                && e.getProperty(EventTopics.DETAIL).toString().contains("due for evaluation since 2026-12-20")));
        assertEquals(3, posted.size());
    }

    @Test
    void lateRegistrationGivesOnlyTheSharperWarningAndAnExtensionWarnsAgain() throws Exception {
        assertEquals(List.of("END_IN_7_DAYS centrum"), checkAt("2026-12-28T00:00:00Z").subList(0, 1));
        assertEquals(List.of(), checkAt("2026-12-29T00:00:00Z"));
        Instant extended = END.plus(365, ChronoUnit.DAYS);
        Designation d = designations.designation("centrum").orElseThrow();
        designations.update("centrum", new Designation(null, d.name(), d.decisionReference(), null, d.purpose(),
                d.area(), START, extended, List.of(), null, List.of()), "anna", "test");
        assertEquals(List.of("END_IN_30_DAYS centrum"), checkAt("2027-12-10T00:00:00Z"));
    }
}
