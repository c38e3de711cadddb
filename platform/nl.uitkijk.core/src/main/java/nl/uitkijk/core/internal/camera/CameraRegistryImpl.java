package nl.uitkijk.core.internal.camera;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.CameraStatus;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.camera.ConfigParameter;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.ConnectionTest;
import nl.uitkijk.api.camera.DriverDescription;
import nl.uitkijk.api.camera.DuplicateCameraException;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.camera.PtzControl;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.event.EventTopics;
import nl.uitkijk.api.governance.LegalBasis;
import nl.uitkijk.api.governance.LegalStatus;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.security.SecretBox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera registry: definitions persisted in the database, one {@link CameraRuntime} per camera, drivers taken
 * from the service registry as they come and go. A camera whose driver leaves becomes {@code DRIVER_MISSING} and
 * starts again by itself when a driver with that id returns; the registry itself is never restarted for it.
 * <p>
 * A camera runs only while its legal basis permits it ({@link LegalBasis}): it is checked at every start, whenever
 * a designation or deployment changes, and periodically (periods end, deployments begin); a camera that is not
 * permitted is stopped and shows {@code NOT_PERMITTED} with the reason.
 */
@Component(service = { CameraRegistry.class, CameraSessions.class, EventHandler.class }, immediate = true,
        configurationPid = "nl.uitkijk.cameras", property = { EventConstants.EVENT_TOPIC + "="
                + EventTopics.DESIGNATION_CHANGED, EventConstants.EVENT_TOPIC + "=" + EventTopics.DEPLOYMENT_CHANGED })
@Designate(ocd = CameraRegistryImpl.Configuration.class)
public class CameraRegistryImpl implements CameraRegistry, CameraSessions, EventHandler {

    @ObjectClassDefinition(name = "Uitkijk cameras", description = "Camera registry of the platform.")
    public @interface Configuration {
        @AttributeDefinition(name = "Provisioning file", description = "JSON list of cameras imported once, when "
                + "the database is created; empty means ${karaf.etc}/uitkijk-cameras.json.")
        String provisioningFile() default "";

        @AttributeDefinition(name = "Session threads", description = "Threads shared by the camera sessions.")
        int sessionThreads() default 4;

        @AttributeDefinition(name = "Legal check interval", description = "Seconds between checks of every "
                + "camera's legal basis (designation periods, mobile deployments starting and ending).")
        int legalCheckSeconds() default 15;

        @AttributeDefinition(name = "Secrets key file", description = "Key that encrypts camera passwords in the "
                + "database, kept outside it; made on the first start. Empty means "
                + "${karaf.etc}/uitkijk-secrets.key.", required = false)
        String secretsKeyFile() default "";
    }

    private static final Logger LOG = LoggerFactory.getLogger(CameraRegistryImpl.class);

    private final CameraRepository repository;
    private final LegalBasis legalBasis;
    private final Map<String, CameraDriver> drivers = new ConcurrentHashMap<>();
    private final Map<String, CameraRuntime> runtimes = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();
    private final ScheduledThreadPoolExecutor scheduler;
    private volatile boolean active;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;
    private volatile BiFunction<String, String, Optional<Instant>> streamActivity;
    private volatile Consumer<String> sessionListener;

    @Activate
    public CameraRegistryImpl(@Reference Database database, @Reference LegalBasis legalBasis,
            Configuration configuration) {
        this.repository = new CameraRepository(database, secretBox(configuration.secretsKeyFile()),
                this::secret);
        this.legalBasis = legalBasis;
        this.scheduler = newScheduler(Math.max(1, configuration.sessionThreads()));
        if (database.createdNow()) {
            provision(resolveProvisioningFile(configuration.provisioningFile()));
        }
        synchronized (lifecycle) {
            active = true;
            try {
                for (CameraDefinition definition : repository.findAll()) {
                    if (repository.holdsClearSecrets(definition.id())) {
                        repository.update(definition); // stored before encryption: sealed now
                        LOG.info("Camera '{}': its stored password is now encrypted", definition.id());
                    }
                    CameraRuntime runtime = newRuntime(definition);
                    runtimes.put(definition.id(), runtime);
                    startIfAllowed(runtime);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("camera registry cannot be read: " + e.getMessage(), e);
            }
        }
        long period = Math.max(1, configuration.legalCheckSeconds());
        scheduler.scheduleWithFixedDelay(this::checkLegalBasis, period, period, TimeUnit.SECONDS);
        LOG.info("Camera registry active: {} cameras, drivers {}", runtimes.size(), drivers.keySet());
    }

    private static SecretBox secretBox(String configured) {
        Path keyFile = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("karaf.etc", "etc"), "uitkijk-secrets.key") : Path.of(configured);
        try {
            return SecretBox.atPath(keyFile);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the key for camera passwords cannot be read or made: " + e.getMessage(),
                    e);
        }
    }

    /** A driver's own schema says what is secret; for a driver not installed, the parameter's name does. */
    private boolean secret(String driverId, String parameter) {
        CameraDriver driver = driverId == null ? null : drivers.get(driverId);
        if (driver == null) {
            return ConfigParameter.looksSecret(parameter);
        }
        return driver.description().parameters().stream().anyMatch(p -> p.name().equals(parameter) && p.secret())
                || ConfigParameter.looksSecret(parameter);
    }

    @Deactivate
    public void deactivate() {
        synchronized (lifecycle) {
            active = false;
            runtimes.values().forEach(runtime -> runtime.stop(null));
            runtimes.clear();
        }
        scheduler.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDriver(CameraDriver driver, Map<String, Object> properties) {
        String id = driverId(driver, properties);
        synchronized (lifecycle) {
            if (drivers.putIfAbsent(id, driver) != null) {
                LOG.warn("A second driver with id '{}' is ignored; the first one stays in use", id);
                return;
            }
            LOG.info("Camera driver '{}' installed", id);
            if (active) {
                runtimes.values().stream().filter(r -> r.definition().driver().equals(id))
                        .forEach(this::startIfAllowed);
            }
        }
    }

    void unbindDriver(CameraDriver driver, Map<String, Object> properties) {
        String id = driverId(driver, properties);
        synchronized (lifecycle) {
            if (!drivers.remove(id, driver)) {
                return;
            }
            LOG.info("Camera driver '{}' removed", id);
            runtimes.values().stream().filter(r -> r.definition().driver().equals(id))
                    .forEach(r -> r.stop(CameraRuntime.driverMissing(id)));
        }
    }

    @Override
    public List<Camera> cameras() {
        return runtimes.values().stream().map(CameraRuntime::snapshot)
                .sorted(Comparator.comparing(Camera::id)).toList();
    }

    @Override
    public Optional<Camera> camera(String id) {
        return Optional.ofNullable(id).map(runtimes::get).map(CameraRuntime::snapshot);
    }

    @Override
    public List<DriverDescription> drivers() {
        List<DriverDescription> descriptions = new ArrayList<>();
        drivers.forEach((id, driver) -> {
            try {
                descriptions.add(driver.description());
            } catch (RuntimeException e) {
                LOG.warn("Driver '{}' cannot describe itself", id, e);
            }
        });
        descriptions.sort(Comparator.comparing(DriverDescription::id));
        return descriptions;
    }

    @Override
    public Camera add(CameraDefinition definition) throws InvalidCameraException, DuplicateCameraException {
        synchronized (lifecycle) {
            check(definition, true);
            if (runtimes.containsKey(definition.id()) || !store(() -> repository.insert(definition))) {
                throw new DuplicateCameraException(definition.id());
            }
            CameraRuntime runtime = newRuntime(definition);
            runtimes.put(definition.id(), runtime);
            startIfAllowed(runtime);
            LOG.info("Camera '{}' added (driver '{}')", definition.id(), definition.driver());
            post(EventTopics.CAMERA_ADDED, runtime.snapshot());
            return runtime.snapshot();
        }
    }

    @Override
    public Camera update(CameraDefinition requested) throws InvalidCameraException, UnknownCameraException {
        synchronized (lifecycle) {
            CameraRuntime runtime = runtimes.get(requested.id());
            if (runtime == null) {
                throw new UnknownCameraException(requested.id());
            }
            CameraDefinition definition = keepStoredSecrets(requested, runtime.definition());
            check(definition, true);
            if (!store(() -> repository.update(definition))) {
                throw new UnknownCameraException(requested.id());
            }
            if (!runtime.redefine(definition)) {
                runtime.stop(CameraRuntime.driverMissing(definition.driver()));
            }
            startIfAllowed(runtime);
            LOG.info("Camera '{}' updated", definition.id());
            post(EventTopics.CAMERA_UPDATED, runtime.snapshot());
            return runtime.snapshot();
        }
    }

    @Override
    public ConnectionTest testConnection(CameraDefinition requested, Duration timeout)
            throws InvalidCameraException {
        CameraDefinition definition;
        CameraDriver driver;
        synchronized (lifecycle) {
            CameraRuntime existing = requested.id() == null ? null : runtimes.get(requested.id());
            definition = existing == null ? requested : keepStoredSecrets(requested, existing.definition());
            driver = definition.driver() == null ? null : drivers.get(definition.driver());
            List<ConfigProblem> problems = CameraValidator.validate(definition, driver, true,
                    drivers.keySet().stream().sorted().toList());
            if (!problems.isEmpty()) {
                throw new InvalidCameraException(problems);
            }
        }
        LOG.info("Testing the connection of camera '{}' (driver '{}')", definition.id(), definition.driver());
        return TrialConnection.run(driver, definition, scheduler, timeout);
    }

    @Override
    public void remove(String id) throws UnknownCameraException {
        synchronized (lifecycle) {
            CameraRuntime runtime = id == null ? null : runtimes.get(id);
            if (runtime == null) {
                throw new UnknownCameraException(id);
            }
            store(() -> repository.delete(id));
            runtimes.remove(id);
            runtime.stop(null);
            LOG.info("Camera '{}' removed", id);
            post(EventTopics.CAMERA_REMOVED, runtime.snapshot());
        }
    }

    @Override
    public Optional<PtzControl> ptz(String id) throws UnknownCameraException {
        CameraRuntime runtime = id == null ? null : runtimes.get(id);
        if (runtime == null) {
            throw new UnknownCameraException(id);
        }
        CameraSession session = runtime.session();
        try {
            return session == null ? Optional.empty() : session.ptz();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Driver '{}' failed to offer PTZ for camera '{}'", runtime.definition().driver(), id, e);
            return Optional.empty();
        }
    }

    @Override
    public Optional<CameraSession> session(String id) {
        return Optional.ofNullable(runtimes.get(id)).map(CameraRuntime::session);
    }

    @Override
    public void handleEvent(Event event) {
        scheduler.execute(this::checkLegalBasis);
    }

    /** Stops the cameras that lost their legal basis and starts those that gained it. */
    void checkLegalBasis() {
        synchronized (lifecycle) {
            if (!active) {
                return;
            }
            for (CameraRuntime runtime : runtimes.values()) {
                try {
                    startIfAllowed(runtime);
                } catch (RuntimeException e) {
                    LOG.warn("The legal basis of camera '{}' cannot be checked", runtime.definition().id(), e);
                }
            }
        }
    }

    private void check(CameraDefinition definition, boolean requireDriver) throws InvalidCameraException {
        CameraDriver driver = definition.driver() == null ? null : drivers.get(definition.driver());
        List<ConfigProblem> problems = new ArrayList<>(CameraValidator.validate(definition, driver, requireDriver,
                drivers.keySet().stream().sorted().toList()));
        if (problems.isEmpty()) {
            problems.addAll(legalBasis.check(definition));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCameraException(problems);
        }
    }

    /**
     * Secrets are never shown back to clients, so an update that leaves a secret out, or sends the mask, means
     * "keep the stored one" — but only while the camera stays where it was: a stored password never follows a camera
     * to another host or address (it would hand the password to whatever answers there), it must be given again.
     */
    private CameraDefinition keepStoredSecrets(CameraDefinition requested, CameraDefinition stored)
            throws InvalidCameraException {
        CameraDriver driver = drivers.get(requested.driver());
        if (driver == null || !requested.driver().equals(stored.driver())) {
            return requested;
        }
        Map<String, Object> config = new LinkedHashMap<>(requested.config());
        restoreMaskedUserInfo(config, stored.config());
        boolean moved = addressChanged(config, stored.config(), driver.description().parameters());
        List<ConfigProblem> again = new ArrayList<>();
        for (ConfigParameter parameter : driver.description().parameters()) {
            Object sent = config.get(parameter.name());
            Object kept = stored.config().get(parameter.name());
            if (parameter.secret() && kept != null && (sent == null || ConfigParameter.SECRET_MASK.equals(sent))) {
                if (moved) {
                    config.remove(parameter.name());
                    again.add(new ConfigProblem(parameter.name(), "the camera's address changed: give it again (a "
                            + "stored secret never follows a camera to another address)"));
                } else {
                    config.put(parameter.name(), kept);
                }
            }
        }
        if (!again.isEmpty()) {
            throw new InvalidCameraException(again);
        }
        return requested.withConfig(config);
    }

    /**
     * Addresses are shown with their user information masked ({@code rtsp://••••@host/…}); sent back unchanged, the
     * stored address (with its credentials) stands — for the same address only.
     */
    static void restoreMaskedUserInfo(Map<String, Object> config, Map<String, Object> stored) {
        String masked = "://" + ConfigParameter.SECRET_MASK + "@";
        for (Map.Entry<String, Object> entry : config.entrySet()) {
            if (entry.getValue() instanceof String sent && sent.contains(masked)
                    && stored.get(entry.getKey()) instanceof String kept) {
                String keptWithoutUserInfo = kept.replaceFirst("://[^/@]*@", masked);
                if (keptWithoutUserInfo.equals(sent)) {
                    entry.setValue(kept);
                }
            }
        }
    }

    /** Whether a parameter that says where the camera is (an address, host or port) changed. */
    static boolean addressChanged(Map<String, Object> requested, Map<String, Object> stored,
            List<ConfigParameter> parameters) {
        for (ConfigParameter parameter : parameters) {
            String name = parameter.name().toLowerCase(java.util.Locale.ROOT);
            boolean where = parameter.type() == ConfigParameter.Type.URL || name.equals("host") || name.equals("port")
                    || name.endsWith("url") || name.endsWith("address") || name.endsWith("host");
            if (where && !parameter.secret() && !java.util.Objects.equals(String.valueOf(requested.get(
                    parameter.name())), String.valueOf(stored.get(parameter.name())))) {
                return true;
            }
        }
        return false;
    }

    private void provision(Path file) {
        List<CameraDefinition> cameras;
        try {
            cameras = ProvisioningFile.read(file);
        } catch (java.io.IOException e) {
            LOG.error("Provisioning file {} is not valid and was not imported: {}", file, e.getMessage());
            return;
        }
        for (CameraDefinition camera : cameras) {
            List<ConfigProblem> problems = CameraValidator.validate(camera, drivers.get(camera.driver()), false,
                    List.of());
            if (!problems.isEmpty()) {
                LOG.error("Provisioned camera '{}' skipped: {}", camera.id(), problems);
            } else if (!store(() -> repository.insert(camera))) {
                LOG.warn("Provisioned camera '{}' skipped: the id is used twice", camera.id());
            }
        }
        LOG.info("Imported {} cameras from {}", cameras.size(), file);
    }

    private CameraRuntime newRuntime(CameraDefinition definition) {
        return new CameraRuntime(definition, scheduler, camera -> post(EventTopics.CAMERA_STATUS, camera),
                this::lastPacket, this::sessionChanged, this::deviceEvent);
    }

    @Override
    public void streamActivity(BiFunction<String, String, Optional<Instant>> source) {
        streamActivity = source;
    }

    @Override
    public void sessionChanges(Consumer<String> listener) {
        sessionListener = listener;
    }

    /** A device event: for the alarm queue, and while active for event recording. */
    private void deviceEvent(String cameraId, String type, boolean active, Map<String, String> details) {
        EventAdmin events = eventAdmin;
        if (events == null) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(EventTopics.CAMERA_ID, cameraId);
        properties.put(EventTopics.TYPE, type);
        properties.put(EventTopics.ACTIVE, active);
        properties.put(EventTopics.DETAIL, details.toString());
        events.postEvent(new Event(EventTopics.DEVICE_EVENT, properties));
        if (active) {
            events.postEvent(new Event(EventTopics.CAMERA_EVENT, Map.of(EventTopics.CAMERA_ID, cameraId,
                    EventTopics.TYPE, type)));
        }
    }

    private void sessionChanged(String cameraId) {
        Consumer<String> listener = sessionListener;
        if (listener != null) {
            listener.accept(cameraId);
        }
    }

    private Optional<Instant> lastPacket(String cameraId, String profile) {
        BiFunction<String, String, Optional<Instant>> source = streamActivity;
        return source == null ? Optional.empty() : source.apply(cameraId, profile);
    }

    /** Starts the camera when its legal basis permits and its driver is there; stops it when not permitted. */
    private void startIfAllowed(CameraRuntime runtime) {
        LegalStatus legal = legalBasis.status(runtime.definition(), Instant.now());
        if (!legal.permitted()) {
            StatusInfo refused = new StatusInfo(CameraStatus.NOT_PERMITTED, legal.reason(), null);
            if (runtime.running() || !refused.sameAs(runtime.status())) {
                if (runtime.running()) {
                    LOG.info("Camera '{}' stopped: not permitted ({})", runtime.definition().id(), legal.reason());
                }
                runtime.stop(refused);
            }
            return;
        }
        CameraDriver driver = drivers.get(runtime.definition().driver());
        if (driver != null && !runtime.running()) {
            runtime.start(driver);
        } else if (driver == null && runtime.status().status() == CameraStatus.NOT_PERMITTED) {
            runtime.stop(CameraRuntime.driverMissing(runtime.definition().driver()));
        }
    }

    private void post(String topic, Camera camera) {
        EventAdmin events = eventAdmin;
        if (events == null) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(EventTopics.CAMERA_ID, camera.id());
        properties.put(EventTopics.STATUS, camera.status().status().name());
        properties.put(EventTopics.DETAIL, camera.status().detail());
        events.postEvent(new Event(topic, properties));
    }

    private static String driverId(CameraDriver driver, Map<String, Object> properties) {
        Object id = properties.get(CameraDriver.DRIVER_ID);
        return id != null ? id.toString() : driver.description().id();
    }

    private static Path resolveProvisioningFile(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("karaf.etc", "etc"), "uitkijk-cameras.json");
    }

    private static ScheduledThreadPoolExecutor newScheduler(int threads) {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, task -> {
            Thread thread = Executors.defaultThreadFactory().newThread(task);
            thread.setName("uitkijk-camera-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setKeepAliveTime(30, TimeUnit.SECONDS);
        return executor;
    }

    private boolean store(SqlAction action) {
        try {
            return action.run();
        } catch (SQLException e) {
            throw new IllegalStateException("camera registry cannot be written: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        boolean run() throws SQLException;
    }
}
