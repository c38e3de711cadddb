package nl.uitkijk.core.internal.analytics;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.uitkijk.api.alarm.Alarm;
import nl.uitkijk.api.alarm.AlarmQueue;
import nl.uitkijk.api.analytics.AnalyticsModule;
import nl.uitkijk.api.analytics.Detection;
import nl.uitkijk.api.analytics.AnalyticsPolicies;
import nl.uitkijk.api.analytics.PersonalData;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.event.EventTopics;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designations;
import nl.uitkijk.api.governance.LegalBasis;
import nl.uitkijk.api.governance.LegalStatus;
import nl.uitkijk.api.governance.RetentionService;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.VideoFrame;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.api.recording.TimeRange;
import nl.uitkijk.core.internal.lpr.PlateObservations;
import nl.uitkijk.core.internal.privacy.MaskPainter;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.persistence.Micros;
import nl.uitkijk.core.internal.time.WeekWindow;
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
 * The analytics runtime: runs each module (a whiteboard {@link AnalyticsModule}) on the cameras whose policy enables
 * it and whose designation permits the personal data it processes, one {@link CameraAnalytics} per camera on a
 * worker pool sized by configuration; stores what they find, turns episodes into events, event recording and alarms
 * with a snapshot, and keeps it all in step with cameras, designations and modules coming and going.
 */
@Component(service = {AnalyticsPolicies.class, EventHandler.class}, configurationPid = "nl.uitkijk.analytics",
        property = {EventConstants.EVENT_TOPIC + "=" + EventTopics.CAMERA_ADDED,
            EventConstants.EVENT_TOPIC + "=" + EventTopics.CAMERA_UPDATED,
            EventConstants.EVENT_TOPIC + "=" + EventTopics.CAMERA_REMOVED,
            EventConstants.EVENT_TOPIC + "=" + EventTopics.DESIGNATION_CHANGED,
            EventConstants.EVENT_TOPIC + "=" + EventTopics.DEPLOYMENT_CHANGED})
@Designate(ocd = AnalyticsRuntime.Configuration.class)
public class AnalyticsRuntime implements AnalyticsPolicies, EventHandler, CameraAnalytics.Results {

    @ObjectClassDefinition(name = "Uitkijk analytics", description = "How much of the machine analytics may use.")
    public @interface Configuration {
        @AttributeDefinition(name = "Worker threads", description = "Threads that decode and analyse; 0: one per "
                + "core. Recording and live view never wait for them.")
        int threads() default 0;

        @AttributeDefinition(name = "Queue (packets)", description = "Packets a camera's analytics may fall behind "
                + "before the backlog is dropped (counted) and analysis goes on from the next keyframe.")
        int queuePackets() default 60;

        @AttributeDefinition(name = "Episode gap (seconds)", description = "An episode ends when its detection has "
                + "not been seen for this long.")
        int episodeGapSeconds() default 3;

        @AttributeDefinition(name = "Keep detections (days)", description = "At most 28, the footage's limit.")
        int retentionDays() default 28;

        @AttributeDefinition(name = "Hang limit (seconds)", description = "A module busy with one frame longer "
                + "than this is stopped on that camera, with an alarm.")
        int hangSeconds() default 15;
    }

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsRuntime.class);
    private static final int MAX_RETENTION_DAYS = 28;
    private static final java.time.ZoneId AMSTERDAM = java.time.ZoneId.of("Europe/Amsterdam");
    private static final Set<String> PRIORITIES = Set.of("HIGH", "MEDIUM", "LOW", "NONE");
    /** The episode type of a licence plate on the hotlist. */
    static final String PLATE_HIT = "plate-hit";

    private final AnalyticsStore store;
    private final CameraRegistry cameras;
    private final MediaHub hub;
    private final LegalBasis legalBasis;
    private final Designations designations;
    private final AlarmQueue alarms;
    private final AuditLog audit;
    private final EventAdmin events;
    private final RetentionService retention;
    private final PlateObservations plates;
    private final MaskPainter masks;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, AnalyticsModule> modules = new ConcurrentHashMap<>();
    private final Map<String, CameraAnalytics> running = new ConcurrentHashMap<>();
    /** Why a module is not running on a camera (camera id + ' ' + module id): refused or failed. */
    private final Map<String, ModuleRun> stopped = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor results;
    private final ScheduledExecutorService timer;
    private final int queuePackets;
    private final long episodeGapMicros;
    private final int retentionDays;
    private final long hangNanos;
    private volatile boolean active;
    /** The last pictures' latencies (µs), a ring. */
    private final long[] latencies = new long[4096];
    private long latencyCount;

    @Activate
    public AnalyticsRuntime(@Reference Database database, @Reference CameraRegistry cameras,
            @Reference MediaHub hub, @Reference LegalBasis legalBasis, @Reference Designations designations,
            @Reference AlarmQueue alarms, @Reference AuditLog audit, @Reference EventAdmin events,
            @Reference RetentionService retention, @Reference PlateObservations plates,
            @Reference MaskPainter masks, Configuration configuration) {
        this.store = new AnalyticsStore(database);
        this.cameras = cameras;
        this.hub = hub;
        this.legalBasis = legalBasis;
        this.designations = designations;
        this.alarms = alarms;
        this.audit = audit;
        this.events = events;
        this.retention = retention;
        this.plates = plates;
        this.masks = masks;
        int threads = configuration.threads() > 0 ? configuration.threads()
                : Runtime.getRuntime().availableProcessors();
        AtomicInteger counter = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "uitkijk-analytics-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setPriority(Thread.NORM_PRIORITY - 1); // below recording and live view where honoured
                    return thread;
                });
        this.results = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> new Thread(task, "uitkijk-analytics-results"));
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "uitkijk-analytics-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.queuePackets = Math.max(10, configuration.queuePackets());
        this.episodeGapMicros = Math.max(1, configuration.episodeGapSeconds()) * 1_000_000L;
        this.retentionDays = Math.min(MAX_RETENTION_DAYS, Math.max(1, configuration.retentionDays()));
        this.hangNanos = Math.max(1, configuration.hangSeconds()) * 1_000_000_000L;
        this.active = true;
        timer.execute(this::reconcileQuietly);
        timer.scheduleWithFixedDelay(this::reconcileQuietly, 30, 30, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::watchdog, 2, 2, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::deleteExpired, 1, 60, TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        active = false;
        timer.shutdownNow();
        running.values().forEach(CameraAnalytics::close);
        running.clear();
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS); // closes analyzers and decoders (native memory)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        results.shutdown();
        try {
            results.awaitTermination(5, TimeUnit.SECONDS); // the last samples and episode ends stored
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addModule(AnalyticsModule module) {
        modules.put(module.id(), module);
        LOG.info("Analytics module '{}' ({}) available", module.id(), module.label());
        reconcileLater();
    }

    void removeModule(AnalyticsModule module) {
        modules.remove(module.id(), module);
        // stop it everywhere now: its classes are about to go
        for (CameraAnalytics camera : running.values()) {
            camera.runs().stream().filter(run -> run.module == module).forEach(camera::remove);
        }
        stopped.values().removeIf(run -> run.module == module);
        LOG.info("Analytics module '{}' gone: stopped on every camera", module.id());
        reconcileLater();
    }

    @Override
    public void handleEvent(Event event) {
        if (EventTopics.CAMERA_REMOVED.equals(event.getTopic())) {
            String camera = String.valueOf(event.getProperty(EventTopics.CAMERA_ID));
            try {
                store.forget(camera);
            } catch (SQLException e) {
                LOG.warn("The analytics policies of removed camera {} stay: {}", camera, e.getMessage());
            }
        }
        reconcileLater();
    }

    private void reconcileLater() {
        if (active) {
            try {
                timer.execute(this::reconcileQuietly);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // stopping
            }
        }
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Analytics could not be brought in line with the policies: {}", e.toString());
        }
    }

    /** Makes what runs match the policies, the modules there are and what each designation permits. */
    private synchronized void reconcile() throws SQLException {
        if (!active) {
            return;
        }
        Map<String, List<AnalyticsStore.Policy>> wanted = new HashMap<>();
        for (AnalyticsStore.Policy policy : store.policies()) {
            if (policy.enabled()) {
                wanted.computeIfAbsent(policy.cameraId(), key -> new ArrayList<>()).add(policy);
            }
        }
        for (String cameraId : List.copyOf(running.keySet())) {
            if (!wanted.containsKey(cameraId) || cameras.camera(cameraId).isEmpty()) {
                running.remove(cameraId).close();
            }
        }
        for (Map.Entry<String, List<AnalyticsStore.Policy>> entry : wanted.entrySet()) {
            Optional<Camera> camera = cameras.camera(entry.getKey());
            if (camera.isPresent()) {
                reconcile(camera.get(), entry.getValue());
            }
        }
    }

    private void reconcile(Camera camera, List<AnalyticsStore.Policy> policies) {
        CameraAnalytics analytics = running.get(camera.id());
        String profile = analysedProfile(camera);
        if (analytics != null && !analytics.profile.equals(profile)) {
            running.remove(camera.id()).close();
            analytics = null;
        }
        if (analytics != null) {
            // a module switched off here while others stay on
            Set<String> enabled = new java.util.HashSet<>();
            policies.forEach(policy -> enabled.add(policy.moduleId()));
            for (ModuleRun run : analytics.runs()) {
                if (!enabled.contains(run.moduleId())) {
                    analytics.remove(run);
                }
            }
        }
        for (AnalyticsStore.Policy policy : policies) {
            String key = camera.id() + " " + policy.moduleId();
            AnalyticsModule module = modules.get(policy.moduleId());
            ModuleRun current = analytics == null ? null : analytics.runs().stream()
                    .filter(run -> run.moduleId().equals(policy.moduleId())).findFirst().orElse(null);
            if (current != null && (current.module != module || !current.policy.equals(policy))) {
                analytics.remove(current);
                current = null;
            }
            if (module == null) {
                continue; // shown as MISSING
            }
            String refusal = refusal(camera, module, policy.config());
            ModuleRun previous = stopped.get(key);
            if (refusal != null) {
                if (current != null) {
                    analytics.remove(current);
                    LOG.warn("Analytics '{}' stopped on camera {}: {}", module.id(), camera.id(), refusal);
                }
                ModuleRun refused = new ModuleRun(module, policy, episodeGapMicros);
                refused.state(State.REFUSED, refusal);
                stopped.put(key, previous != null && previous.state == State.REFUSED
                        && previous.policy.equals(policy) ? previous : refused);
                continue;
            }
            if (previous != null && previous.state == State.FAILED && previous.policy.equals(policy)
                    && previous.module == module) {
                continue; // stays stopped until the policy is set again
            }
            if (!inSchedule(policy)) {
                if (current != null) {
                    analytics.remove(current);
                }
                ModuleRun waiting = new ModuleRun(module, policy, episodeGapMicros);
                waiting.state(State.SCHEDULED, "outside its schedule " + policy.schedule());
                stopped.put(key, previous != null && previous.state == State.SCHEDULED
                        && previous.policy.equals(policy) ? previous : waiting);
                continue;
            }
            stopped.remove(key);
            if (current == null) {
                if (analytics == null) {
                    analytics = start(camera, profile);
                    if (analytics == null) {
                        continue;
                    }
                }
                analytics.add(new ModuleRun(module, policy, episodeGapMicros));
            }
        }
        if (analytics != null && analytics.runs().isEmpty()) {
            running.remove(camera.id()).close();
        }
    }

    private CameraAnalytics start(Camera camera, String profile) {
        CameraAnalytics analytics = new CameraAnalytics(camera.id(), profile, workers, queuePackets, this);
        try {
            analytics.subscription(hub.subscribe(camera.id(), profile, MediaHub.Delivery.LIVE, analytics));
        } catch (UnknownCameraException | RuntimeException e) {
            LOG.warn("Analytics cannot watch camera {}: {}", camera.id(), e.getMessage());
            return null;
        }
        running.put(camera.id(), analytics);
        return analytics;
    }

    /** Whether the policy's schedule (Europe/Amsterdam) lets it run now; no schedule: always. */
    private boolean inSchedule(AnalyticsStore.Policy policy) {
        if (policy.schedule().isEmpty()) {
            return true;
        }
        java.time.ZonedDateTime now = clock.instant().atZone(AMSTERDAM);
        return policy.schedule().stream().anyMatch(window -> WeekWindow.parse(window, "schedule").contains(now));
    }

    /** The sub-stream where the camera has one (cheaper to decode, enough to analyse), else its first stream. */
    static String analysedProfile(Camera camera) {
        return camera.streams().stream().map(StreamProfile::name).filter("sub"::equals).findFirst()
                .orElse(camera.streams().stream().map(StreamProfile::name).findFirst().orElse("main"));
    }

    /** Why the camera's legal basis does not permit the module now, or {@code null} when it does. */
    private String refusal(Camera camera, AnalyticsModule module, Map<String, Object> config) {
        LegalStatus status = legalBasis.status(camera.definition(), clock.instant());
        if (!status.permitted()) {
            return "no legal basis now: " + status.reason();
        }
        Set<PersonalData> needed = module.personalData(config);
        Optional<Designation> designation = status.designationId() == null ? Optional.empty()
                : designations.designation(status.designationId());
        if (designation.isPresent() ? designation.get().permits(needed)
                : needed.stream().allMatch(PersonalData.NONE::equals)) {
            return null;
        }
        List<PersonalData> missing = needed.stream().filter(category -> category != PersonalData.NONE
                && designation.map(d -> !d.personalData().contains(category)).orElse(true)).sorted().toList();
        return "designation '" + status.designationId() + "' does not permit processing " + missing + " (module '"
                + module.id() + "')";
    }

    // ---- the policy service

    @Override
    public List<ModuleState> states(String cameraId) throws UnknownCameraException {
        cameras.camera(cameraId).orElseThrow(() -> new UnknownCameraException(cameraId));
        Map<String, AnalyticsStore.Policy> policies = new TreeMap<>();
        try {
            store.policies(cameraId).forEach(policy -> policies.put(policy.moduleId(), policy));
        } catch (SQLException e) {
            throw new IllegalStateException("the analytics policies cannot be read now: " + e.getMessage(), e);
        }
        TreeMap<String, ModuleState> states = new TreeMap<>();
        for (AnalyticsModule module : modules.values()) {
            states.put(module.id(), state(cameraId, module.id(), module, policies.get(module.id())));
        }
        policies.forEach((moduleId, policy) -> states.computeIfAbsent(moduleId,
                id -> state(cameraId, id, null, policy)));
        return List.copyOf(states.values());
    }

    private ModuleState state(String cameraId, String moduleId, AnalyticsModule module,
            AnalyticsStore.Policy policy) {
        boolean enabled = policy != null && policy.enabled();
        Map<String, Object> config = policy == null ? Map.of() : policy.config();
        String priority = policy == null ? "MEDIUM" : policy.alarmPriority();
        List<String> schedule = policy == null ? List.of() : policy.schedule();
        Set<PersonalData> personal = module == null ? Set.of() : module.personalData();
        String label = module == null ? moduleId : module.label();
        if (module == null) {
            return new ModuleState(moduleId, label, false, enabled, config, priority, schedule, personal,
                    enabled ? State.MISSING : State.OFF, enabled ? "the module is not installed; it resumes with "
                            + "this configuration when it is" : "", 0, 0, 0, policy.changed());
        }
        if (!enabled) {
            return new ModuleState(moduleId, label, true, false, config, priority, schedule, personal, State.OFF, "", 0, 0, 0,
                    policy == null ? null : policy.changed());
        }
        CameraAnalytics analytics = running.get(cameraId);
        ModuleRun run = analytics == null ? null : analytics.runs().stream()
                .filter(each -> each.moduleId().equals(moduleId)).findFirst().orElse(null);
        if (run == null) {
            run = stopped.get(cameraId + " " + moduleId);
        }
        if (run == null) {
            return new ModuleState(moduleId, label, true, true, config, priority, schedule, personal, State.STARTING,
                    "starting", 0, 0, 0, policy.changed());
        }
        long dropped = analytics == null ? 0 : analytics.dropped();
        return new ModuleState(moduleId, label, true, true, config, priority, schedule, personal, run.state, run.detail,
                run.frames.get(), dropped, run.cpuMillisPerFrame(), run.since);
    }

    @Override
    public ModuleState set(String cameraId, String moduleId, boolean enabled, Map<String, Object> config,
            String alarmPriority, List<String> schedule, String user) throws UnknownCameraException {
        Camera camera = cameras.camera(cameraId).orElseThrow(() -> new UnknownCameraException(cameraId));
        AnalyticsModule module = modules.get(moduleId);
        if (module == null) {
            throw new UnknownModuleException(moduleId);
        }
        String priority = alarmPriority == null ? "MEDIUM" : alarmPriority.strip().toUpperCase(Locale.ROOT);
        if (!PRIORITIES.contains(priority)) {
            throw new IllegalArgumentException("alarmPriority: HIGH, MEDIUM, LOW or NONE");
        }
        Map<String, Object> settings = config == null ? Map.of() : config;
        module.validate(settings); // IllegalArgumentException naming the field
        List<String> windows = schedule == null ? List.of() : schedule.stream().map(String::strip).toList();
        windows.forEach(window -> WeekWindow.parse(window, "schedule"));
        if (enabled) {
            String refusal = refusal(camera, module, settings);
            if (refusal != null && !refusal.startsWith("no legal basis now")) {
                audit.record(user, AuditActions.LEGAL_REFUSAL, "camera:" + cameraId, "", "analytics " + moduleId,
                        refusal);
                throw new LegalRefusalException(refusal);
            }
        }
        try {
            store.save(new AnalyticsStore.Policy(cameraId, moduleId, enabled, settings, priority, windows, user,
                    clock.instant()));
        } catch (SQLException e) {
            throw new IllegalStateException("the policy cannot be stored now: " + e.getMessage(), e);
        }
        stopped.remove(cameraId + " " + moduleId); // setting a policy again restarts a failed module
        audit.record(user, AuditActions.ANALYTICS_POLICY, "camera:" + cameraId, "", moduleId,
                (enabled ? "enabled" : "disabled") + " " + AnalyticsStore.json(settings) + " alarm " + priority
                        + (windows.isEmpty() ? "" : " schedule " + windows));
        try {
            reconcile();
        } catch (SQLException e) {
            LOG.warn("Analytics not brought in line yet: {}", e.getMessage());
        }
        return states(cameraId).stream().filter(state -> state.moduleId().equals(moduleId)).findFirst()
                .orElseThrow();
    }

    @Override
    public List<StoredDetection> detections(String cameraId, TimeRange range, String type, int limit)
            throws UnknownCameraException {
        cameras.camera(cameraId).orElseThrow(() -> new UnknownCameraException(cameraId));
        try {
            return store.detections(cameraId, range, type, Math.min(limit, 10_000));
        } catch (SQLException e) {
            throw new IllegalStateException("detections cannot be read now: " + e.getMessage(), e);
        }
    }

    @Override
    public List<TimeRange> motionSearch(String cameraId, TimeRange range, double[] region)
            throws UnknownCameraException {
        cameras.camera(cameraId).orElseThrow(() -> new UnknownCameraException(cameraId));
        MotionGrid.Region cells = MotionGrid.region(region);
        try {
            return MotionGrid.periods(store.grids(cameraId, range), cells, Duration.ofSeconds(2));
        } catch (SQLException e) {
            throw new IllegalStateException("the motion search cannot read now: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Map<String, String>> enabledModules() {
        Map<String, Map<String, String>> enabled = new TreeMap<>();
        try {
            for (AnalyticsStore.Policy policy : store.policies()) {
                ModuleRun stop = stopped.get(policy.cameraId() + " " + policy.moduleId());
                if (policy.enabled() && (stop == null || stop.state != State.REFUSED)) {
                    AnalyticsModule module = modules.get(policy.moduleId());
                    enabled.computeIfAbsent(policy.cameraId(), camera -> new TreeMap<>()).put(policy.moduleId(),
                            module == null ? policy.moduleId() : module.label());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the analytics policies cannot be read now: " + e.getMessage(), e);
        }
        return enabled;
    }

    @Override
    public Optional<byte[]> snapshot(UUID alarmId) {
        try {
            return store.snapshot(alarmId);
        } catch (SQLException e) {
            throw new IllegalStateException("the snapshot cannot be read now: " + e.getMessage(), e);
        }
    }

    @Override
    public Statistics statistics() {
        Map<String, CameraStatistics> cameras = new TreeMap<>();
        running.forEach((id, analytics) -> cameras.put(id, new CameraStatistics(analytics.decoded(),
                analytics.dropped(), analytics.runs().stream().mapToLong(run -> run.frames.get()).sum(),
                analytics.cpuNanos() / 1e9)));
        long[] sorted;
        synchronized (latencies) {
            sorted = java.util.Arrays.copyOf(latencies, (int) Math.min(latencyCount, latencies.length));
        }
        java.util.Arrays.sort(sorted);
        return new Statistics(cameras, quantile(sorted, 0.5), quantile(sorted, 0.95), sorted.length);
    }

    private static double quantile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
                / 1000.0;
    }

    @Override
    public void analysed(long latencyMicros) {
        synchronized (latencies) {
            latencies[(int) (latencyCount++ % latencies.length)] = latencyMicros;
        }
    }

    // ---- results of the cameras' modules (on their workers: hand the database work to the results thread)

    @Override
    public void samples(String cameraId, ModuleRun run, List<DetectionSampler.Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        results.execute(() -> {
            try {
                store.store(cameraId, run.moduleId(), samples);
            } catch (SQLException e) {
                LOG.warn("Detections of {} on {} not stored: {}", run.moduleId(), cameraId, e.getMessage());
            }
        });
    }

    @Override
    public UUID opened(String cameraId, ModuleRun run, String type, long atMicros) {
        UUID episode = UUID.randomUUID();
        String priority = run.policy.alarmPriority();
        events.postEvent(analyticsEvent(cameraId, run.moduleId(), type, true, episode));
        results.execute(() -> {
            try {
                store.episodeOpened(episode, cameraId, run.moduleId(), type, atMicros);
                if (!"NONE".equals(priority)) {
                    Alarm alarm = alarms.raise(cameraId, type, Alarm.Priority.valueOf(priority),
                            type + " detected by analytics (" + run.module.label() + ")", null);
                    store.episodeAlarm(episode, alarm.id());
                }
            } catch (SQLException | RuntimeException e) {
                LOG.error("Episode {} of {} on {} not fully stored: {}", type, run.moduleId(), cameraId,
                        e.getMessage());
            }
        });
        return episode;
    }

    @Override
    public void snapshot(UUID episode, byte[] jpeg) {
        results.execute(() -> {
            try {
                store.episodeSnapshot(episode, jpeg);
            } catch (SQLException e) {
                LOG.warn("Snapshot of episode {} not stored: {}", episode, e.getMessage());
            }
        });
    }

    @Override
    public void closed(UUID episode, long atMicros) {
        results.execute(() -> {
            try {
                store.episodeEnded(episode, atMicros);
            } catch (SQLException e) {
                LOG.warn("End of episode {} not stored: {}", episode, e.getMessage());
            }
        });
    }

    @Override
    public void ongoing(String cameraId, String type) {
        events.postEvent(new Event(EventTopics.CAMERA_EVENT, Map.of(EventTopics.CAMERA_ID, cameraId,
                EventTopics.TYPE, type)));
    }

    /** What nobody may watch is not analysed: the privacy masks are filled before a module sees the picture. */
    @Override
    public VideoFrame masked(String cameraId, VideoFrame frame) {
        masks.paint(cameraId, frame);
        return frame;
    }

    /**
     * A plate passage: checked against the hotlist on the results thread; a hit is an episode of its own (type
     * {@code plate-hit}: an event, event recording, an alarm with the hotlist entry's priority and the snapshot).
     * A no-hit goes no further than the plate register, which keeps it only within its window.
     */
    @Override
    public void plate(String cameraId, ModuleRun run, Detection passage, long atMicros, byte[] jpeg) {
        results.execute(() -> {
            Instant at = Micros.instant(atMicros);
            Optional<PlateObservations.Hit> hit = plates.observed(cameraId, passage, at);
            if (hit.isEmpty()) {
                return;
            }
            PlateObservations.Hit h = hit.get();
            UUID episode = UUID.randomUUID();
            try {
                store.episodeOpened(episode, cameraId, run.moduleId(), PLATE_HIT, atMicros);
                Alarm alarm = alarms.raise(cameraId, PLATE_HIT, Alarm.Priority.valueOf(h.priority()),
                        "Kenteken " + h.formatted() + " staat op de hotlist: " + h.reason(), null);
                store.episodeAlarm(episode, alarm.id());
                plates.alarmRaised(h.passageId(), alarm.id());
                store.episodeSnapshot(episode, jpeg);
                store.episodeEnded(episode, atMicros);
            } catch (SQLException | RuntimeException e) {
                LOG.error("The hotlist hit on {} was not fully stored: {}", cameraId, e.getMessage());
            }
            events.postEvent(analyticsEvent(cameraId, run.moduleId(), PLATE_HIT, true, episode));
            events.postEvent(analyticsEvent(cameraId, run.moduleId(), PLATE_HIT, false, episode));
            ongoing(cameraId, PLATE_HIT);
        });
    }

    @Override
    public void failed(String cameraId, ModuleRun run, String reason) {
        LOG.error("Analytics module '{}' stopped on camera {}: {}", run.moduleId(), cameraId, reason);
        stopped.put(cameraId + " " + run.moduleId(), run);
        events.postEvent(new Event(EventTopics.SYSTEM_ALARM, Map.of(EventTopics.CAMERA_ID, cameraId,
                EventTopics.TYPE, "analytics-failed", EventTopics.PRIORITY, "MEDIUM", EventTopics.DETAIL,
                "analytics '" + run.moduleId() + "' stopped on " + cameraId + ": " + reason)));
    }

    private static Event analyticsEvent(String cameraId, String moduleId, String type, boolean active,
            UUID episode) {
        return new Event(EventTopics.ANALYTICS_PREFIX + type, Map.of(EventTopics.CAMERA_ID, cameraId,
                EventTopics.TYPE, type, EventTopics.ACTIVE, active, EventTopics.MODULE_ID, moduleId,
                EventTopics.EPISODE_ID, episode.toString()));
    }

    /** A module busy with one frame for too long is given up on that camera; a worker replaces its thread. */
    private void watchdog() {
        long now = System.nanoTime();
        for (CameraAnalytics analytics : List.copyOf(running.values())) {
            long since = analytics.busySince;
            ModuleRun run = analytics.busyWith;
            if (since != 0 && run != null && now - since > hangNanos) {
                analytics.abandon(run, "hung: busy with one frame for more than " + hangNanos / 1_000_000_000
                        + " s");
                running.remove(analytics.cameraId, analytics);
                analytics.close();
                workers.setMaximumPoolSize(workers.getMaximumPoolSize() + 1);
                workers.setCorePoolSize(workers.getCorePoolSize() + 1);
                reconcileLater(); // the camera's other modules start again on a fresh worker
            }
        }
    }

    /** What the analytics found goes with the camera's footage: at its retention, and never after 28 days. */
    private void deleteExpired() {
        try {
            Instant now = clock.instant();
            Duration longest = Duration.ofDays(retentionDays);
            int deleted = 0;
            for (Camera camera : cameras.cameras()) {
                Duration age = retention.maximumAge(camera.id());
                if (age.compareTo(longest) < 0) {
                    deleted += store.deleteBefore(camera.id(), now.minus(age));
                }
            }
            deleted += store.deleteBefore(now.minus(longest));
            if (deleted > 0) {
                LOG.info("Deleted {} detections and episodes past their camera's retention (at most {} days)",
                        deleted, retentionDays);
            }
        } catch (SQLException e) {
            LOG.warn("Expired detections not deleted yet: {}", e.getMessage());
        }
    }

    /** Modules installed, by id (for the DPIA inventory and the public page). */
    Collection<AnalyticsModule> modules() {
        return modules.values().stream().sorted(Comparator.comparing(AnalyticsModule::id)).toList();
    }
}
