package nl.uitkijk.testkit;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.CameraStatus;
import nl.uitkijk.api.camera.ConnectionTest;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.DriverDescription;
import nl.uitkijk.api.camera.DuplicateCameraException;
import nl.uitkijk.api.camera.PtzControl;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.camera.UnknownCameraException;

/**
 * A camera registry in memory, for unit tests of plugins and platform parts that read or add cameras: no drivers,
 * no sessions (added cameras stay UNKNOWN; {@link #put} sets any state a test needs), no PTZ; a connection test
 * answers what {@link #put} said of the camera, or that nothing answered.
 */
public final class InMemoryCameraRegistry implements CameraRegistry {

    private final Map<String, Camera> cameras = new ConcurrentHashMap<>();

    /** Puts a camera as it is, with its status, streams and device. */
    public InMemoryCameraRegistry put(Camera camera) {
        cameras.put(camera.id(), camera);
        return this;
    }

    @Override
    public List<Camera> cameras() {
        return cameras.values().stream().sorted(Comparator.comparing(Camera::id)).toList();
    }

    @Override
    public Optional<Camera> camera(String id) {
        return Optional.ofNullable(id).map(cameras::get);
    }

    @Override
    public List<DriverDescription> drivers() {
        return List.of();
    }

    @Override
    public Camera add(CameraDefinition definition) throws DuplicateCameraException {
        Camera camera = new Camera(definition, StatusInfo.unknown(), List.of(), DeviceInfo.NONE);
        if (cameras.putIfAbsent(definition.id(), camera) != null) {
            throw new DuplicateCameraException(definition.id());
        }
        return camera;
    }

    @Override
    public Camera update(CameraDefinition definition) throws UnknownCameraException {
        Camera old = camera(definition.id()).orElseThrow(() -> new UnknownCameraException(definition.id()));
        Camera updated = new Camera(definition, old.status(), old.streams(), old.device());
        cameras.put(definition.id(), updated);
        return updated;
    }

    @Override
    public ConnectionTest testConnection(CameraDefinition definition, Duration timeout) {
        return camera(definition.id()).map(camera -> new ConnectionTest(camera.status(), camera.device(),
                camera.streams())).orElseGet(() -> new ConnectionTest(new StatusInfo(CameraStatus.UNKNOWN,
                        "no answer within " + timeout.toSeconds() + " s", null), null, List.of()));
    }

    @Override
    public void remove(String id) throws UnknownCameraException {
        if (id == null || cameras.remove(id) == null) {
            throw new UnknownCameraException(id);
        }
    }

    @Override
    public Optional<PtzControl> ptz(String id) throws UnknownCameraException {
        camera(id).orElseThrow(() -> new UnknownCameraException(id));
        return Optional.empty();
    }
}
