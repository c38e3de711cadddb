package nl.uitkijk.core.internal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.governance.AuditEntry;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designation.LiveViewWindow;
import nl.uitkijk.api.governance.Designation.Position;
import nl.uitkijk.api.governance.Designation.Signage;
import nl.uitkijk.core.internal.persistence.DerbyDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignationsImplTest {

    /** Around the Pancratiusplein and Markt in Heerlen centre. */
    private static final List<Position> CENTRUM = List.of(new Position(5.9770, 50.8870),
            new Position(5.9830, 50.8870), new Position(5.9830, 50.8900), new Position(5.9770, 50.8900),
            new Position(5.9770, 50.8870));

    @TempDir
    Path folder;
    private DerbyDatabase database;
    private AuditLogImpl audit;
    private DesignationsImpl designations;

    @BeforeEach
    void open() throws Exception {
        database = new DerbyDatabase(folder.resolve("db"));
        audit = new AuditLogImpl(database);
        designations = new DesignationsImpl(database, audit, configuration(folder.resolve("none.json")));
    }

    static DesignationsImpl.Configuration configuration(Path provisioning) {
        return new DesignationsImpl.Configuration() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return DesignationsImpl.Configuration.class;
            }

            @Override
            public String provisioningFile() {
                return provisioning.toString();
            }
        };
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Designation centrum(List<List<Position>> area, Instant from, Instant until) {
        return new Designation(null, "Centrum Heerlen", "2026/151c-04", LocalDate.parse("2026-10-15"),
                "Handhaving openbare orde bij uitgaansgebied", area, from, until,
                List.of(new LiveViewWindow(List.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), LocalTime.of(22, 0),
                        LocalTime.of(5, 0))),
                LocalDate.parse("2027-10-01"), List.of(new Signage(50.8871, 5.9790, "Pancratiusplein, hoek Akerstraat")));
    }

    @Test
    void aDesignationIsStoredWithAllItsFactsAndAnAuditEntry() throws Exception {
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        Instant until = Instant.parse("2027-11-01T00:00:00Z");
        Designation added = designations.add(centrum(List.of(CENTRUM), from, until), "anna");
        assertEquals("centrum-heerlen", added.id());
        assertEquals(centrum(List.of(CENTRUM), from, until).withId("centrum-heerlen"), added);
        assertEquals("centrum-heerlen-2", designations.add(centrum(List.of(CENTRUM), from, until), "anna").id());

        Designation changed = designations.update("centrum-heerlen", centrum(List.of(CENTRUM), from,
                Instant.parse("2027-05-01T00:00:00Z")), "anna", "REST 127.0.0.1");
        assertEquals(Instant.parse("2027-05-01T00:00:00Z"), changed.validUntil());
        assertTrue(designations.withdraw("centrum-heerlen-2", "anna", "REST 127.0.0.1"));
        assertFalse(designations.withdraw("centrum-heerlen-2", "anna", "REST 127.0.0.1"));
        assertEquals(List.of("centrum-heerlen"), designations.all().stream().map(Designation::id).toList());
        assertEquals(List.of("designation.withdraw", "designation.change", "designation.add", "designation.add"),
                audit.entries(null, null, "anna", 10).stream().map(AuditEntry::action).toList());
    }

    @Test
    void aDesignationSaysWhichPersonalDataAnalyticsMayProcess() throws Exception {
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        Designation plain = designations.add(centrum(List.of(CENTRUM), from, from.plusSeconds(86_400 * 300)), "anna");
        assertEquals(java.util.Set.of(), plain.personalData(), "absent: none");
        assertTrue(plain.permits(java.util.Set.of(nl.uitkijk.api.analytics.PersonalData.NONE)), "motion needs none");
        assertFalse(plain.permits(java.util.Set.of(nl.uitkijk.api.analytics.PersonalData.PERSONS)));

        Designation c = centrum(List.of(CENTRUM), from, from.plusSeconds(86_400 * 300));
        Designation crowds = new Designation(null, c.name(), c.decisionReference(), c.decisionDate(), c.purpose(),
                c.area(), c.validFrom(), c.validUntil(), c.liveViewWindows(), c.evaluationDate(), c.signage(),
                java.util.Set.of(nl.uitkijk.api.analytics.PersonalData.PERSONS,
                        nl.uitkijk.api.analytics.PersonalData.TRACKS));
        Designation stored = designations.update(plain.id(), crowds, "anna", "REST 127.0.0.1");
        assertEquals(java.util.Set.of(nl.uitkijk.api.analytics.PersonalData.PERSONS,
                nl.uitkijk.api.analytics.PersonalData.TRACKS), stored.personalData());
        assertTrue(stored.permits(java.util.Set.of(nl.uitkijk.api.analytics.PersonalData.PERSONS,
                nl.uitkijk.api.analytics.PersonalData.TRACKS)));
        assertFalse(stored.permits(java.util.Set.of(nl.uitkijk.api.analytics.PersonalData.LICENCE_PLATES)),
                "licence plates were not decided");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        List<Position> open = CENTRUM.subList(0, 4);
        assertEquals(List.of("area"), fields(centrum(List.of(open), from, from.plusSeconds(60))));
        assertTrue(message(centrum(List.of(open), from, from.plusSeconds(60))).contains("not closed"));
        List<Position> bowTie = List.of(new Position(5.977, 50.887), new Position(5.983, 50.890),
                new Position(5.983, 50.887), new Position(5.977, 50.890), new Position(5.977, 50.887));
        assertTrue(message(centrum(List.of(bowTie), from, from.plusSeconds(60))).contains("self-intersection"),
                message(centrum(List.of(bowTie), from, from.plusSeconds(60))));
        assertEquals(List.of("validUntil"), fields(centrum(List.of(CENTRUM), from, from.minusSeconds(1))));
        assertEquals(List.of("area"), fields(centrum(List.of(), from, from.plusSeconds(60))));
        Designation nameless = new Designation(null, " ", "x", null, "p", List.of(CENTRUM), from,
                from.plusSeconds(60), List.of(), null, List.of());
        assertEquals(List.of("name"), fields(nameless));
        assertTrue(designations.all().isEmpty(), "nothing was written");
    }

    private List<String> fields(Designation designation) {
        InvalidCameraException e = assertThrows(InvalidCameraException.class,
                () -> designations.add(designation, "anna"));
        return e.problems().stream().map(ConfigProblem::field).toList();
    }

    private String message(Designation designation) {
        InvalidCameraException e = assertThrows(InvalidCameraException.class,
                () -> designations.add(designation, "anna"));
        return e.problems().get(0).message();
    }
}
