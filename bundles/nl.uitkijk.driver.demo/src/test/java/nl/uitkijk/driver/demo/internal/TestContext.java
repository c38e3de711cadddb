package nl.uitkijk.driver.demo.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.media.StreamProfile;

/** Records what a session reports. */
final class TestContext implements CameraContext {

    final List<StatusInfo> statuses = new CopyOnWriteArrayList<>();
    volatile List<StreamProfile> streams = List.of();
    private final String id;
    private final Map<String, Object> config;
    private final ScheduledExecutorService scheduler;

    TestContext(String id, Map<String, Object> config, ScheduledExecutorService scheduler) {
        this.id = id;
        this.config = config;
        this.scheduler = scheduler;
    }

    StatusInfo last() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }

    @Override
    public String cameraId() {
        return id;
    }

    @Override
    public Map<String, Object> config() {
        return config;
    }

    @Override
    public void reportStatus(StatusInfo status) {
        statuses.add(status);
    }

    @Override
    public void reportStreams(List<StreamProfile> newStreams) {
        streams = newStreams;
    }

    @Override
    public void reportDevice(DeviceInfo device) {
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }
}
