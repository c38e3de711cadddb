package nl.uitkijk.rest.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.uitkijk.api.alarm.AlarmQueue;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.StreamStats;
import nl.uitkijk.api.recording.RecordingBackend;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * What health and metrics read of the platform: every service optional, so that a part that is down is reported as
 * down rather than taking the health endpoint with it.
 */
@Component(service = PlatformState.class)
public class PlatformState {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CameraRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MediaHub media;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AlarmQueue alarms;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile nl.uitkijk.api.connector.ControlRooms controlRooms;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile nl.uitkijk.api.analytics.AnalyticsPolicies analytics;

    private final List<RecordingBackend> recorders = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRecorder(RecordingBackend recorder) {
        recorders.add(recorder);
    }

    void unbindRecorder(RecordingBackend recorder) {
        recorders.remove(recorder);
    }

    Optional<CameraRegistry> registry() {
        return Optional.ofNullable(registry);
    }

    List<Camera> cameras() {
        CameraRegistry current = registry;
        return current == null ? List.of() : current.cameras();
    }

    Optional<StreamStats> stream(String cameraId) {
        MediaHub hub = media;
        return hub == null ? Optional.empty() : hub.stats(cameraId, CameraResource.MAIN);
    }

    List<RecordingBackend> recorders() {
        return List.copyOf(recorders);
    }

    /** The control-room connector instances and their delivery state (none while the outbox is down). */
    /** The analytics runtime's counters, or none when it is not there. */
    java.util.Optional<nl.uitkijk.api.analytics.AnalyticsPolicies.Statistics> analytics() {
        nl.uitkijk.api.analytics.AnalyticsPolicies current = analytics;
        try {
            return current == null ? java.util.Optional.empty() : java.util.Optional.of(current.statistics());
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    List<nl.uitkijk.api.connector.ConnectorInstance> connectors() {
        nl.uitkijk.api.connector.ControlRooms current = controlRooms;
        try {
            return current == null ? List.of() : current.instances();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Open alarms, or -1 when the queue cannot be read. */
    int openAlarms() {
        AlarmQueue queue = alarms;
        try {
            return queue == null ? -1 : queue.recent(1000, true).size();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
