package nl.uitkijk.api.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.recording.TimeRange;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Which analytics run on which camera, and what they found. Provided by the platform's analytics runtime.
 *
 * @since 1.1
 */
@ProviderType
public interface AnalyticsPolicies {

    /** Every module installed or with a policy on this camera, in module id order. */
    List<ModuleState> states(String cameraId) throws UnknownCameraException;

    /**
     * Switches a module on or off for a camera with this configuration; the runtime starts or stops it at once.
     *
     * @param alarmPriority {@code HIGH}, {@code MEDIUM} (default when {@code null}), {@code LOW} or {@code NONE}
     *        (episodes are events and recordings but raise no alarm)
     * @throws UnknownModuleException when no module with this id is installed
     * @throws IllegalArgumentException naming the field at fault ({@code config.minArea: …})
     * @throws LegalRefusalException when the module processes personal data the camera's designation does not permit
     */
    default ModuleState set(String cameraId, String moduleId, boolean enabled, Map<String, Object> config,
            String alarmPriority, String user) throws UnknownCameraException {
        return set(cameraId, moduleId, enabled, config, alarmPriority, List.of(), user);
    }

    /**
     * As {@link #set(String, String, boolean, Map, String, String)}, running only within weekly windows.
     *
     * @param schedule windows in Europe/Amsterdam time, {@code HH:MM-HH:MM} after optional days ({@code Mon-Fri
     *        22:00-06:00}, {@code Sat,Sun 00:00-24:00}); empty: always
     * @throws IllegalArgumentException naming a window that is not one ({@code schedule 'Mo 8-9': …})
     */
    ModuleState set(String cameraId, String moduleId, boolean enabled, Map<String, Object> config,
            String alarmPriority, List<String> schedule, String user) throws UnknownCameraException;

    /** Detections stored for a camera in a time range, newest first; {@code type} {@code null} for all. */
    List<StoredDetection> detections(String cameraId, TimeRange range, String type, int limit)
            throws UnknownCameraException;

    /**
     * Where there was motion in a region of the picture: the stored motion grid's cells that the region touches,
     * joined into periods (gaps under two seconds closed), oldest first.
     *
     * @param region x, y, width, height as fractions 0..1 of the picture
     */
    List<TimeRange> motionSearch(String cameraId, TimeRange range, double[] region) throws UnknownCameraException;

    /**
     * For the DPIA inventory and the public page: per camera, the modules switched on there that its designation
     * permits (running, starting, or installed again soon), by module id with the module's label.
     */
    Map<String, Map<String, String>> enabledModules();

    /** What the runtime has done since it started: for the metrics and the benchmark. */
    Statistics statistics();

    /**
     * Per camera what it decoded, dropped and analysed, with the CPU time of its decoding and analysis; and the time
     * from a picture's arrival at the platform to the end of its analysis (over the last few thousand pictures).
     */
    record Statistics(Map<String, CameraStatistics> cameras, double latencyP50Millis, double latencyP95Millis,
            long latencySamples) {
    }

    /** One camera's analytics since it started. */
    record CameraStatistics(long picturesDecoded, long packetsDropped, long framesAnalysed, double cpuSeconds) {
    }

    /** The JPEG taken when the episode behind an alarm began. */
    Optional<byte[]> snapshot(UUID alarmId);

    /** A module's policy and state on one camera. */
    record ModuleState(String moduleId, String label, boolean installed, boolean enabled, Map<String, Object> config,
            String alarmPriority, List<String> schedule, java.util.Set<PersonalData> personalData, State state,
            String detail, long framesAnalysed, long framesDropped, double cpuMillisPerFrame, Instant since) {
    }

    /** What a module is doing on a camera. */
    enum State {
        /** Enabled and analysing. */
        RUNNING,
        /** Enabled, waiting for the stream (camera offline, connecting). */
        STARTING,
        /** Not enabled here. */
        OFF,
        /** Enabled, outside its schedule: it starts when a window opens. */
        SCHEDULED,
        /** Enabled, but its bundle is not installed: resumes with the stored config when it comes back. */
        MISSING,
        /** Enabled, but the camera's designation does not (or no longer) permit what it processes. */
        REFUSED,
        /** It threw or hung on this camera and was stopped; set the policy again to restart it. */
        FAILED
    }

    /**
     * One stored detection: per camera, module and type at most one a second (the largest box of that second, the
     * motion grid of the whole second).
     */
    record StoredDetection(long id, String cameraId, String moduleId, String type, Instant at, double confidence,
            double x, double y, double width, double height, Map<String, String> attributes) {
    }

    /** No module with this id is installed. */
    final class UnknownModuleException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnknownModuleException(String moduleId) {
            super("no analytics module '" + moduleId + "' is installed");
        }
    }

    /** The designation does not permit the personal data a module processes. */
    final class LegalRefusalException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LegalRefusalException(String reason) {
            super(reason);
        }
    }
}
