package nl.uitkijk.core.internal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.Deployment;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designation.LiveViewWindow;
import nl.uitkijk.api.governance.Designation.Position;
import nl.uitkijk.api.governance.LegalStatus;
import nl.uitkijk.core.internal.persistence.DerbyDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The legal basis on the real register (Derby): periods, areas, live-view windows, mobile deployments. */
class LegalBasisImplTest {

    private static final List<Position> CENTRUM = List.of(new Position(5.9770, 50.8870),
            new Position(5.9830, 50.8870), new Position(5.9830, 50.8900), new Position(5.9770, 50.8900),
            new Position(5.9770, 50.8870));
    private static final Location PANCRATIUSPLEIN = new Location(50.88825, 5.98005, 200.0, "Pancratiusplein");
    private static final Location HOENSBROEK = new Location(50.92300, 5.92680, 45.0, "Markt, Hoensbroek");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path folder;
    private DerbyDatabase database;
    private AuditLogImpl audit;
    private DesignationsImpl designations;
    private DeploymentsImpl deployments;
    private LegalBasisImpl legal;

    @BeforeEach
    void open() throws Exception {
        database = new DerbyDatabase(folder.resolve("db"));
        audit = new AuditLogImpl(database);
        designations = new DesignationsImpl(database, audit, DesignationsImplTest.configuration(folder.resolve("x")));
        deployments = new DeploymentsImpl(database, audit, designations);
        legal = new LegalBasisImpl(designations, deployments);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Designation designate(String name, Instant from, Instant until, List<LiveViewWindow> windows)
            throws InvalidCameraException {
        return designations.add(new Designation(null, name, "2026/151c-" + name.length(), LocalDate.of(2026, 10, 1),
                "Handhaving openbare orde", List.of(CENTRUM), from, until, windows, null, List.of()), "anna");
    }

    private static CameraDefinition camera(String id, Location location, String designationId) {
        return new CameraDefinition(id, id, "demo", Map.of(), location, "centrum", designationId);
    }

    @Test
    void aCameraInsideTheAreaOfADesignationInForceIsPermitted() throws Exception {
        Designation d = designate("Centrum", NOW.minus(30, ChronoUnit.DAYS), NOW.plus(300, ChronoUnit.DAYS), List.of());
        LegalStatus status = legal.status(camera("c1", PANCRATIUSPLEIN, d.id()), NOW);
        assertTrue(status.permitted(), status.reason());
        assertEquals(d.id(), status.designationId());
        assertTrue(status.reason().startsWith("designation 'Centrum' (2026/151c-7), in force until"),
                status.reason());
    }

    @Test
    void aDesignationThatEndedYesterdayPermitsNothing() throws Exception {
        Designation d = designate("Centrum", NOW.minus(400, ChronoUnit.DAYS), NOW.minus(1, ChronoUnit.DAYS), List.of());
        LegalStatus status = legal.status(camera("c1", PANCRATIUSPLEIN, d.id()), NOW);
        assertFalse(status.permitted());
        assertTrue(status.reason().contains("ended on " + LegalBasisImpl.local(d.validUntil())), status.reason());
        assertFalse(legal.liveView(camera("c1", PANCRATIUSPLEIN, d.id()), NOW).permitted());
    }

    @Test
    void beforeItsPeriodOutsideItsAreaWithoutOneOrWithdrawnNothingIsPermitted() throws Exception {
        Designation later = designate("Later", NOW.plus(2, ChronoUnit.DAYS), NOW.plus(200, ChronoUnit.DAYS), List.of());
        assertTrue(legal.status(camera("c1", PANCRATIUSPLEIN, later.id()), NOW).reason().contains("takes effect on"));

        Designation d = designate("Centrum", NOW.minus(1, ChronoUnit.DAYS), NOW.plus(200, ChronoUnit.DAYS), List.of());
        LegalStatus outside = legal.status(camera("c2", HOENSBROEK, d.id()), NOW);
        assertFalse(outside.permitted());
        assertEquals("the camera stands outside the area of designation 'Centrum' (2026/151c-7)", outside.reason());
        assertEquals("legal.outside-area", outside.code());

        assertFalse(legal.status(camera("c3", PANCRATIUSPLEIN, null), NOW).permitted());
        assertTrue(legal.status(camera("c3", PANCRATIUSPLEIN, null), NOW).reason().startsWith("no designation"));

        designations.withdraw(d.id(), "anna", "test");
        assertEquals("designation 'centrum' does not exist (withdrawn)",
                legal.status(camera("c1", PANCRATIUSPLEIN, d.id()), NOW).reason());
    }

    @Test
    void bindingACameraToADesignationWhoseAreaDoesNotContainItNamesTheLocation() throws Exception {
        Designation d = designate("Centrum", NOW, NOW.plus(200, ChronoUnit.DAYS), List.of());
        List<ConfigProblem> problems = legal.check(camera("c1", HOENSBROEK, d.id()));
        assertEquals(1, problems.size());
        assertEquals("location", problems.get(0).field());
        assertEquals("designationId", legal.check(camera("c1", PANCRATIUSPLEIN, "nope")).get(0).field());
        assertTrue(legal.check(camera("c1", PANCRATIUSPLEIN, d.id())).isEmpty());
        assertTrue(legal.check(camera("c1", HOENSBROEK, null)).isEmpty(), "an unbound camera is stored, not run");
    }

    @Test
    void liveViewOnlyWithinTheWindowsAndAWindowRunsPastMidnight() {
        LiveViewWindow nights = new LiveViewWindow(List.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), LocalTime.of(22, 0),
                LocalTime.of(5, 0));
        LocalDateTime friday = LocalDateTime.of(2026, 11, 27, 0, 0); // a Friday
        assertFalse(LegalBasisImpl.within(nights, friday.withHour(21)));
        assertTrue(LegalBasisImpl.within(nights, friday.withHour(23)));
        assertTrue(LegalBasisImpl.within(nights, friday.plusDays(1).withHour(4)), "Saturday 04:00 is Friday night");
        assertTrue(LegalBasisImpl.within(nights, friday.plusDays(2).withHour(4)), "Sunday 04:00 is Saturday night");
        assertFalse(LegalBasisImpl.within(nights, friday.plusDays(3).withHour(4)), "Monday 04:00");
        assertFalse(LegalBasisImpl.within(nights, friday.plusDays(1).withHour(5)), "the end is exclusive");
        LiveViewWindow market = new LiveViewWindow(List.of(DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(14, 0));
        assertTrue(LegalBasisImpl.within(market, friday.withHour(8)));
        assertFalse(LegalBasisImpl.within(market, friday.plusDays(7).withHour(14)));
    }

    @Test
    void liveViewOutsideTheWindowIsRefusedWithTheWindowsNamedWhileRecordingGoesOn() throws Exception {
        LocalTime nowLocal = NOW.atZone(LegalBasisImpl.LOCAL).toLocalTime();
        DayOfWeek today = NOW.atZone(LegalBasisImpl.LOCAL).getDayOfWeek();
        LiveViewWindow notNow = new LiveViewWindow(List.of(today.plus(3)), LocalTime.of(1, 0), LocalTime.of(2, 0));
        Designation d = designate("Centrum", NOW.minus(1, ChronoUnit.DAYS), NOW.plus(9, ChronoUnit.DAYS),
                List.of(notNow));
        CameraDefinition c = camera("c1", PANCRATIUSPLEIN, d.id());
        assertTrue(legal.status(c, NOW).permitted());
        LegalStatus live = legal.liveView(c, NOW);
        assertFalse(live.permitted(), "at " + nowLocal);
        assertTrue(live.reason().startsWith("live view is allowed only "), live.reason());
        // the same for a console in any language: a code and its details in none
        assertEquals("legal.outside-window", live.code());
        assertEquals(today.plus(3).name().substring(0, 3) + " 01:00–02:00", live.params().get("windows"));
        assertEquals("Centrum", live.params().get("designation"));
    }

    @Test
    void aMobileCameraIsPermittedOnlyDuringItsDeploymentAtItsPlace() throws Exception {
        Designation d = designate("Centrum", NOW.minus(1, ChronoUnit.DAYS), NOW.plus(60, ChronoUnit.DAYS), List.of());
        CameraDefinition mobile = camera("mobiel-1", null, null);
        Instant from = NOW.plus(1, ChronoUnit.DAYS);
        Instant until = NOW.plus(3, ChronoUnit.DAYS);
        Deployment deployment = deployments.add(new Deployment(null, "mobiel-1", d.id(), "Carnaval Pancratiusplein",
                PANCRATIUSPLEIN, from, until), "anna", "REST 127.0.0.1");
        assertEquals("mobiel-1-carnaval-pancratiusplein", deployment.id());

        LegalStatus before = legal.status(mobile, NOW);
        assertFalse(before.permitted());
        assertTrue(before.reason().startsWith("mobile camera, not deployed now; next deployment 'Carnaval"),
                before.reason());
        LegalStatus during = legal.status(mobile, from.plus(1, ChronoUnit.HOURS));
        assertTrue(during.permitted(), during.reason());
        assertTrue(during.reason().contains("deployed for 'Carnaval Pancratiusplein' until"), during.reason());
        assertFalse(legal.status(mobile, until).permitted(), "the end is exclusive");

        assertTrue(deployments.cancel(deployment.id(), "anna", "console"));
        assertFalse(legal.status(mobile, from.plus(1, ChronoUnit.HOURS)).permitted());
        assertEquals(List.of(AuditActions.DEPLOYMENT_CANCEL, AuditActions.DEPLOYMENT_ADD), audit.entries(null, null, null, 100)
                .stream().map(e -> e.action()).filter(a -> a.startsWith("deployment")).toList());
    }

    @Test
    void aDeploymentOutsideTheAreaOrPeriodOrOverlappingAnotherIsRefusedNamingTheField() throws Exception {
        Designation d = designate("Centrum", NOW, NOW.plus(10, ChronoUnit.DAYS), List.of());
        Instant from = NOW.plus(1, ChronoUnit.DAYS);
        Instant until = NOW.plus(2, ChronoUnit.DAYS);
        assertEquals("location", field(() -> deployments.add(new Deployment(null, "m1", d.id(), "Markt", HOENSBROEK,
                from, until), "anna", "")));
        assertEquals("until", field(() -> deployments.add(new Deployment(null, "m1", d.id(), "Markt",
                PANCRATIUSPLEIN, from, NOW.plus(11, ChronoUnit.DAYS)), "anna", "")));
        assertEquals("until", field(() -> deployments.add(new Deployment(null, "m1", d.id(), "Markt",
                PANCRATIUSPLEIN, until, from), "anna", "")));
        assertEquals("designationId", field(() -> deployments.add(new Deployment(null, "m1", "nope", "Markt",
                PANCRATIUSPLEIN, from, until), "anna", "")));
        deployments.add(new Deployment(null, "m1", d.id(), "Markt", PANCRATIUSPLEIN, from, until), "anna", "");
        assertEquals("from", field(() -> deployments.add(new Deployment(null, "m1", d.id(), "Kermis",
                PANCRATIUSPLEIN, from.plus(3, ChronoUnit.HOURS), until.plus(3, ChronoUnit.HOURS)), "anna", "")));
        assertEquals(1, deployments.all().size());
    }

    @Test
    void designationsAreProvisionedFromTheInstallationsFileWhenTheDatabaseIsCreated() throws Exception {
        Path file = folder.resolve("designations.json");
        Files.writeString(file, """
                [{"name": "Centrum Heerlen", "decisionReference": "2026/151c-01", "decisionDate": "2026-01-10",
                  "purpose": "Openbare orde", "validFrom": "2026-01-15T00:00:00Z", "validUntil": "2030-12-31T23:00:00Z",
                  "area": {"type": "Polygon", "coordinates": [[[5.977, 50.887], [5.983, 50.887], [5.983, 50.89],
                           [5.977, 50.89], [5.977, 50.887]]]},
                  "liveViewWindows": [{"days": ["FRIDAY"], "from": "22:00", "until": "05:00"}],
                  "signage": [{"lat": 50.8871, "lon": 5.979, "description": "Akerstraat"}]},
                 {"name": "Open ring", "decisionReference": "x", "purpose": "y", "validFrom": "2026-01-15T00:00:00Z",
                  "validUntil": "2030-12-31T23:00:00Z",
                  "area": {"type": "Polygon", "coordinates": [[[5.977, 50.887], [5.983, 50.887], [5.983, 50.89],
                           [5.977, 50.89]]]}}]
                """);
        database.close();
        database = new DerbyDatabase(folder.resolve("db2"));
        DesignationsImpl provisioned = new DesignationsImpl(database, new AuditLogImpl(database),
                DesignationsImplTest.configuration(file));
        assertEquals(List.of("centrum-heerlen"), provisioned.all().stream().map(Designation::id).toList(),
                "the open ring is refused, the rest imported");
        assertEquals(DayOfWeek.FRIDAY, provisioned.designation("centrum-heerlen").orElseThrow().liveViewWindows()
                .get(0).days().get(0));
    }

    private static String field(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(InvalidCameraException.class, action).problems().get(0).field();
    }
}
