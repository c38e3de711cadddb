package nl.uitkijk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.CameraStatus;
import nl.uitkijk.api.camera.ConfigParameter;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.StatusInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance kit for camera drivers: a driver's own test extends this class, says how to reach a working
 * camera (a simulator), an unreachable one and hostile ones, and inherits the checks every Uitkijk driver must pass.
 * The result is written to {@code target/conformance/<driver>.json} for procurement: which checks passed, failed or
 * did not apply, and why.
 *
 * <p>The checks: the description is complete; validation names the fields; {@code start()} returns at once; the
 * status goes UNKNOWN → ONLINE for a working camera and → OFFLINE with a reason for an unreachable one; hostile
 * replies give OFFLINE with a reason and never an exception out of the driver; a reconfiguration the driver takes in
 * place does not drop the camera; stopping leaves no thread of the session running. While the working camera is
 * online, what it costs the process is measured against an idle window just before ({@code measured}: CPU in per
 * cent of one core, heap in KiB, per camera online).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ConformanceReport.Watcher.class)
public abstract class CameraDriverConformance implements ConformanceReport.Kit {

    /** How long a working camera may take to come ONLINE, and a broken one to go OFFLINE. */
    protected static final Duration SETTLE = Duration.ofSeconds(30);

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final ConformanceReport report = new ConformanceReport();
    private String measured = "";
    private CameraSession session;

    /** The driver under test, created once for the class. */
    protected abstract CameraDriver driver();

    /** Configuration of a camera that works (usually a simulator the test started). */
    protected abstract Map<String, Object> workingCamera() throws Exception;

    /** Configuration of a camera nobody answers for (e.g. a closed loopback port). */
    protected abstract Map<String, Object> unreachableCamera() throws Exception;

    /** Configurations of cameras that answer with garbage, hostile XML, faults; empty if the driver has none. */
    protected List<Map<String, Object>> hostileCameras() throws Exception {
        return List.of();
    }

    /** A changed configuration of the working camera the driver should take in place, or empty. */
    protected Optional<Map<String, Object>> reconfiguration(Map<String, Object> working) throws Exception {
        return Optional.empty();
    }

    @BeforeEach
    void noSession() {
        session = null;
    }

    @AfterEach
    void stopSession() {
        if (session != null) {
            session.stop();
        }
    }

    @AfterAll
    void writeReport() throws IOException {
        scheduler.shutdownNow();
        String id = driver().description().id();
        report.write(id + ".json", "{\n  \"driver\": \"" + ConformanceReport.json(id) + "\",\n  \"label\": \""
                + ConformanceReport.json(driver().description().label()) + "\",\n"
                + "  \"kit\": \"uitkijk-driver-conformance 1\",\n  \"at\": \"" + Instant.now() + "\",\n"
                + "  \"passed\": " + report.passed() + ",\n  \"measured\": {" + measured + "},\n"
                + "  \"checks\": [\n" + report.checks() + "\n  ]\n}\n");
    }

    @Override
    public ConformanceReport report() {
        return report;
    }

    @Test
    void theDescriptionIsComplete() {
        var description = driver().description();
        assertFalse(description.id() == null || description.id().isBlank(), "an id");
        assertTrue(description.id().matches("[a-z0-9][a-z0-9-]*"), "a lower-case id: " + description.id());
        assertFalse(description.label() == null || description.label().isBlank(), "a label");
        for (ConfigParameter p : description.parameters()) {
            assertFalse(p.label() == null || p.label().isBlank(), "a label for " + p.name());
        }
    }

    @Test
    void validationNamesTheFieldsThatAreMissing() {
        List<ConfigProblem> problems = driver().validate(Map.of());
        Set<String> required = driver().description().parameters().stream().filter(ConfigParameter::required)
                .map(p -> "config." + p.name()).collect(Collectors.toSet());
        assertTrue(problems.stream().map(ConfigProblem::field).collect(Collectors.toSet()).containsAll(required),
                "every required setting is named when missing: " + problems);
    }

    @Test
    void aWorkingCameraStartsAtOnceAndComesOnline() throws Exception {
        Map<String, Object> working = workingCamera();
        ResourceUse idle = ResourceUse.idleFor(1_500);
        RecordingCameraContext context = start(working);
        StatusInfo online = context.awaitStatus(CameraStatus.ONLINE, SETTLE);
        assertEquals(CameraStatus.ONLINE, online.status(), "ONLINE within " + SETTLE.toSeconds() + " s, last: "
                + context.lastStatus());
        StatusInfo first = context.statuses().get(0);
        assertTrue(first.status() == CameraStatus.UNKNOWN || first.status() == CameraStatus.ONLINE,
                "the first status is UNKNOWN (or ONLINE at once), not " + first);
        // what one online camera costs: its session's checks, event stream and the like (no video: the media
        // pipeline is the platform's)
        measured = idle.whileRunning(1) + ", \"per\": \"camera\"";
    }

    @Test
    void anUnreachableCameraIsOfflineWithAReason() throws Exception {
        RecordingCameraContext context = start(unreachableCamera());
        StatusInfo offline = context.awaitStatus(CameraStatus.OFFLINE, SETTLE);
        assertEquals(CameraStatus.OFFLINE, offline.status(), "OFFLINE, last: " + context.lastStatus());
        assertFalse(offline.detail().isBlank(), "with a reason an operator understands");
    }

    @Test
    void hostileRepliesGiveOfflineWithAReasonAndNeverAnException() throws Exception {
        List<Map<String, Object>> hostile = hostileCameras();
        if (hostile.isEmpty()) {
            throw new org.opentest4j.TestAbortedException("the driver names no hostile cameras");
        }
        for (Map<String, Object> config : hostile) {
            RecordingCameraContext context = start(config);
            StatusInfo offline = context.awaitStatus(CameraStatus.OFFLINE, SETTLE);
            assertEquals(CameraStatus.OFFLINE, offline.status(), config + ": " + context.lastStatus());
            assertFalse(offline.detail().isBlank());
            session.stop();
            session = null;
        }
    }

    @Test
    void aReconfigurationTakenInPlaceKeepsTheCameraOnline() throws Exception {
        Map<String, Object> working = workingCamera();
        Optional<Map<String, Object>> changed = reconfiguration(working);
        if (changed.isEmpty()) {
            throw new org.opentest4j.TestAbortedException("the driver names no reconfiguration");
        }
        RecordingCameraContext context = start(working);
        context.awaitStatus(CameraStatus.ONLINE, SETTLE);
        int before = context.statuses().size();
        if (!session.reconfigure(changed.get())) {
            throw new org.opentest4j.TestAbortedException("the driver restarts the session to reconfigure");
        }
        Thread.sleep(2_000);
        assertTrue(context.statuses().subList(before, context.statuses().size()).stream()
                .allMatch(s -> s.status() == CameraStatus.ONLINE), "no drop: " + context.statuses());
    }

    @Test
    void stoppingLeavesNoThreadOfTheSessionRunning() throws Exception {
        Map<String, Object> working = workingCamera();
        // A first session lets the driver create what it shares between sessions (pools, an HTTP client); the
        // check is about what one session leaves behind.
        start(working).awaitStatus(CameraStatus.ONLINE, SETTLE);
        session.stop();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        RecordingCameraContext context = start(working);
        context.awaitStatus(CameraStatus.ONLINE, SETTLE);
        session.stop();
        session = null;
        List<String> leaked = LeakedThreads.since(before, Duration.ofSeconds(2));
        if (!leaked.isEmpty()) {
            fail("threads of the session still alive after stop (running, or parked in an executor that was never "
                    + "shut down): " + leaked);
        }
    }

    /** Starts a session for the configuration; start() itself must return within half a second. */
    protected RecordingCameraContext start(Map<String, Object> config) {
        RecordingCameraContext context = new RecordingCameraContext("conformance", config, scheduler);
        session = driver().createSession(context);
        long started = System.nanoTime();
        session.start();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 500, "start() returns at once (took " + millis + " ms)");
        return context;
    }
}
