package nl.uitkijk.core.internal.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.api.camera.CameraStatus;
import nl.uitkijk.api.camera.ConfigParameter;
import nl.uitkijk.api.camera.ConnectionTest;
import nl.uitkijk.api.camera.DuplicateCameraException;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.core.internal.persistence.DerbyDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CameraRegistryImplTest {

    private static final Location HEERLEN = new Location(50.8882, 5.9795, null, "Bongerd");

    @TempDir
    Path folder;
    private DerbyDatabase database;
    private CameraRegistryImpl registry;
    private final FakeDriver fake = new FakeDriver("fake");
    private final SwitchableLegalBasis legal = new SwitchableLegalBasis();

    @BeforeEach
    void activate() {
        database = new DerbyDatabase(folder.resolve("db"));
        registry = new CameraRegistryImpl(database, legal, configuration(folder.resolve("none.json")));
    }

    @AfterEach
    void deactivate() {
        registry.deactivate();
        database.close();
    }

    private static CameraRegistryImpl.Configuration configuration(Path provisioning) {
        return new CameraRegistryImpl.Configuration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CameraRegistryImpl.Configuration.class;
            }

            @Override
            public String provisioningFile() {
                return provisioning.toString();
            }

            @Override
            public int sessionThreads() {
                return 1;
            }

            @Override
            public int legalCheckSeconds() {
                return 3600;
            }

            @Override
            public String secretsKeyFile() {
                return provisioning.resolveSibling("secrets.key").toString();
            }
        };
    }

    private static Map<String, Object> props(String id) {
        return Map.of(CameraDriver.DRIVER_ID, id);
    }

    private static CameraDefinition camera(String id, String driver) {
        return new CameraDefinition(id, "Camera " + id, driver, Map.of("url", "rtsp://127.0.0.1/x"), HEERLEN,
                "centrum", null);
    }

    @Test
    void aCameraWithoutLegalBasisIsStoppedWithTheReasonAndStartsAgainWhenPermitted() throws Exception {
        registry.bindDriver(fake, props("fake"));
        legal.refuse("c1", "designation 'Centrum' (2026/1) ended on 2026-11-28 00:00");
        registry.add(camera("c1", "fake"));
        Camera refused = registry.camera("c1").orElseThrow();
        assertEquals(CameraStatus.NOT_PERMITTED, refused.status().status());
        assertEquals("designation 'Centrum' (2026/1) ended on 2026-11-28 00:00", refused.status().detail());
        assertEquals(0, fake.started.get());
        assertTrue(registry.session("c1").isEmpty(), "no session, so no stream, no recording, no live view");

        legal.permit("c1");
        registry.checkLegalBasis();
        assertEquals(CameraStatus.ONLINE, registry.camera("c1").orElseThrow().status().status());
        assertEquals(1, fake.started.get());

        legal.refuse("c1", "designation 'Centrum' withdrawn");
        registry.checkLegalBasis();
        assertEquals(CameraStatus.NOT_PERMITTED, registry.camera("c1").orElseThrow().status().status());
        assertEquals(1, fake.stopped.get());
        assertTrue(registry.session("c1").isEmpty());
    }

    @Test
    void aStatusReportedByAnotherThreadRightAfterStartIsKept() throws Exception {
        java.util.concurrent.ExecutorService probes = java.util.concurrent.Executors.newFixedThreadPool(2);
        CameraDriver racing = new FakeDriver("racing") {
            @Override
            public nl.uitkijk.api.camera.CameraSession createSession(nl.uitkijk.api.camera.CameraContext context) {
                return new nl.uitkijk.api.camera.CameraSession() {
                    @Override
                    public void start() {
                        context.reportStatus(StatusInfo.unknown());
                        probes.submit(() -> context.reportStatus(StatusInfo.offline("503")));
                    }

                    @Override
                    public void stop() {
                    }
                };
            }
        };
        registry.bindDriver(racing, props("racing"));
        for (int i = 0; i < 200; i++) {
            registry.add(camera("r" + i, "racing"));
        }
        probes.shutdown();
        assertTrue(probes.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS));
        for (int i = 0; i < 200; i++) {
            assertEquals(CameraStatus.OFFLINE, registry.camera("r" + i).orElseThrow().status().status(), "r" + i);
        }
    }

    @Test
    void aCameraComesOnlineWhenItsDriverArrivesAndGoesMissingWhenItLeaves() throws Exception {
        registry.bindDriver(fake, props("fake"));
        registry.add(camera("c1", "fake"));
        assertEquals(CameraStatus.ONLINE, registry.camera("c1").orElseThrow().status().status());

        registry.unbindDriver(fake, props("fake"));
        Camera missing = registry.camera("c1").orElseThrow();
        assertEquals(CameraStatus.DRIVER_MISSING, missing.status().status());
        assertEquals("driver 'fake' is not installed", missing.status().detail());
        assertEquals(1, fake.stopped.get());

        FakeDriver returned = new FakeDriver("fake");
        registry.bindDriver(returned, props("fake"));
        assertEquals(CameraStatus.ONLINE, registry.camera("c1").orElseThrow().status().status());
        assertEquals(1, returned.started.get());
    }

    @Test
    void aLateReportOfAStoppedSessionIsIgnored() throws Exception {
        registry.bindDriver(fake, props("fake"));
        registry.add(camera("c1", "fake"));
        registry.unbindDriver(fake, props("fake"));
        fake.contexts.get(0).reportStatus(StatusInfo.online("too late"));
        assertEquals(CameraStatus.DRIVER_MISSING, registry.camera("c1").orElseThrow().status().status());
    }

    @Test
    void camerasSurviveARestartOfTheRegistry() throws Exception {
        registry.bindDriver(fake, props("fake"));
        registry.add(camera("c1", "fake"));
        registry.deactivate();
        registry = new CameraRegistryImpl(database, legal, configuration(folder.resolve("none.json")));
        assertEquals(CameraStatus.DRIVER_MISSING, registry.camera("c1").orElseThrow().status().status());
        registry.bindDriver(fake, props("fake"));
        assertEquals(CameraStatus.ONLINE, registry.camera("c1").orElseThrow().status().status());
    }

    @Test
    void aThrowingDriverLeavesTheCameraOfflineAndTheRegistryWorking() throws Exception {
        FakeDriver broken = new FakeDriver("broken");
        broken.failStart = true;
        registry.bindDriver(broken, props("broken"));
        registry.bindDriver(fake, props("fake"));
        registry.add(camera("bad", "broken"));
        registry.add(camera("good", "fake"));
        Camera bad = registry.camera("bad").orElseThrow();
        assertEquals(CameraStatus.OFFLINE, bad.status().status());
        assertTrue(bad.status().detail().startsWith("driver error:"), bad.status().detail());
        assertEquals(CameraStatus.ONLINE, registry.camera("good").orElseThrow().status().status());

        broken.failStart = false;
        broken.failCreate = true;
        registry.unbindDriver(broken, props("broken"));
        registry.bindDriver(broken, props("broken"));
        assertEquals(CameraStatus.OFFLINE, registry.camera("bad").orElseThrow().status().status());
    }

    @Test
    void rejectsInvalidUnknownAndDuplicateCamerasWithoutWriting() throws Exception {
        registry.bindDriver(fake, props("fake"));
        InvalidCameraException unknownDriver = assertThrows(InvalidCameraException.class,
                () -> registry.add(camera("c1", "onvif")));
        assertEquals("driver", unknownDriver.problems().get(0).field());
        assertTrue(registry.cameras().isEmpty());

        registry.add(camera("c1", "fake"));
        assertThrows(DuplicateCameraException.class, () -> registry.add(camera("c1", "fake")));
        assertThrows(UnknownCameraException.class, () -> registry.update(camera("c2", "fake")));
        assertThrows(UnknownCameraException.class, () -> registry.remove("c2"));
        assertEquals(1, registry.cameras().size());
    }

    @Test
    void aConnectionTestTriesTheDefinitionInASessionOfItsOwnAndChangesNothing() throws Exception {
        registry.bindDriver(fake, props("fake"));
        registry.add(camera("c1", "fake").withConfig(Map.of("url", "rtsp://127.0.0.1/a", "password", "geheim")));
        Camera before = registry.camera("c1").orElseThrow();

        InvalidCameraException elsewhere = assertThrows(InvalidCameraException.class, () -> registry.testConnection(
                camera("c1", "fake").withConfig(Map.of("url", "rtsp://127.0.0.1/b", "password",
                        ConfigParameter.SECRET_MASK)), Duration.ofSeconds(5)));
        assertEquals("password", elsewhere.problems().get(0).field(), "the stored password never goes elsewhere");
        ConnectionTest test = registry.testConnection(camera("c1", "fake").withConfig(Map.of(
                "url", "rtsp://127.0.0.1/a", "password", ConfigParameter.SECRET_MASK)), Duration.ofSeconds(5));
        assertEquals(CameraStatus.ONLINE, test.status().status());
        assertEquals("fake stream", test.status().detail());
        CameraContext trial = fake.contexts.get(fake.contexts.size() - 1);
        assertEquals("geheim", trial.config().get("password"), "the stored secret is tried, never sent back");
        assertEquals("rtsp://127.0.0.1/a", trial.config().get("url"));
        assertEquals(2, fake.started.get());
        assertEquals(1, fake.stopped.get(), "the trial session is stopped again");
        assertEquals(before.definition(), registry.camera("c1").orElseThrow().definition(), "nothing stored");

        ConnectionTest newCamera = registry.testConnection(camera("c9", "fake"), Duration.ofSeconds(5));
        assertEquals(CameraStatus.ONLINE, newCamera.status().status());
        assertTrue(registry.camera("c9").isEmpty(), "a trial adds no camera");

        assertThrows(InvalidCameraException.class,
                () -> registry.testConnection(camera("c9", "not-installed"), Duration.ofSeconds(5)));
        fake.failStart = true;
        assertEquals(CameraStatus.OFFLINE,
                registry.testConnection(camera("c9", "fake"), Duration.ofSeconds(5)).status().status(),
                "a driver that fails says so as the verdict");
    }

    @Test
    void updateKeepsStoredSecretsAndRestartsOnlyWhenNeeded() throws Exception {
        registry.bindDriver(fake, props("fake"));
        registry.add(camera("c1", "fake").withConfig(Map.of("url", "rtsp://127.0.0.1/a", "password", "geheim")));

        InvalidCameraException moved = assertThrows(InvalidCameraException.class, () -> registry.update(
                camera("c1", "fake").withConfig(Map.of("url", "rtsp://192.0.2.66/a", "password",
                        ConfigParameter.SECRET_MASK))));
        assertEquals("password", moved.problems().get(0).field());
        assertTrue(moved.problems().get(0).message().contains("address changed"), moved.problems().toString());
        assertEquals("rtsp://127.0.0.1/a", registry.camera("c1").orElseThrow().definition().config().get("url"),
                "nothing changed");

        registry.update(camera("c1", "fake").withConfig(Map.of("url", "rtsp://127.0.0.1/b",
                "password", "nieuw-geheim")));
        Camera updated = registry.camera("c1").orElseThrow();
        assertEquals("nieuw-geheim", updated.definition().config().get("password"), "given again with the address");
        assertEquals("rtsp://127.0.0.1/b", updated.definition().config().get("url"));
        assertEquals(2, fake.started.get(), "a driver that cannot reconfigure gets a new session");

        fake.reconfigureInPlace = true;
        registry.update(camera("c1", "fake").withConfig(Map.of("url", "rtsp://127.0.0.1/b", "password",
                ConfigParameter.SECRET_MASK)));
        assertEquals("nieuw-geheim", registry.camera("c1").orElseThrow().definition().config().get("password"),
                "the same address keeps the stored password");
        registry.update(camera("c1", "fake").withConfig(Map.of("url", "rtsp://127.0.0.1/c", "password",
                "nieuw-geheim")));
        assertEquals(2, fake.started.get(), "reconfigured in place, no new session");

        registry.update(new CameraDefinition("c1", "Renamed", "fake", Map.of("url", "rtsp://127.0.0.1/c"), HEERLEN,
                null, null));
        assertEquals(2, fake.started.get(), "a new name does not touch the stream");
        assertEquals("Renamed", registry.camera("c1").orElseThrow().definition().name());
    }

    @Test
    void removeStopsTheSession() throws Exception {
        registry.bindDriver(fake, props("fake"));
        registry.add(camera("c1", "fake"));
        registry.remove("c1");
        assertEquals(1, fake.stopped.get());
        assertTrue(registry.camera("c1").isEmpty());
    }

    @Test
    void importsTheProvisioningFileOnlyWhenTheDatabaseIsNew() throws Exception {
        registry.deactivate();
        database.close();
        Path file = folder.resolve("cameras.json");
        Files.writeString(file, """
                [{"id": "demo-1", "name": "Demo", "driver": "demo", "config": {"scene": "plein"},
                  "location": {"lat": 50.8882, "lon": 5.9795, "direction": 90, "address": "Markt"},
                  "site": "centrum", "designationId": null},
                 {"id": "BAD ID", "name": "x", "driver": "demo", "config": {},
                  "location": {"lat": 0, "lon": 0}, "site": null, "designationId": null}]
                """);
        database = new DerbyDatabase(folder.resolve("fresh"));
        registry = new CameraRegistryImpl(database, legal, configuration(file));
        assertEquals(List.of("demo-1"), registry.cameras().stream().map(Camera::id).toList());
        assertEquals(CameraStatus.DRIVER_MISSING, registry.camera("demo-1").orElseThrow().status().status());

        registry.remove("demo-1");
        registry.deactivate();
        database.close();
        database = new DerbyDatabase(folder.resolve("fresh"));
        registry = new CameraRegistryImpl(database, legal, configuration(file));
        assertTrue(registry.cameras().isEmpty(), "not imported again into an existing database");
    }
}
