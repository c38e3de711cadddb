package nl.uitkijk.core.internal.camera;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.governance.LegalBasis;
import nl.uitkijk.api.governance.LegalStatus;

/** A legal basis for registry unit tests: every camera is permitted unless a test refuses it. */
final class SwitchableLegalBasis implements LegalBasis {

    private final Map<String, String> refused = new ConcurrentHashMap<>();

    void refuse(String cameraId, String reason) {
        refused.put(cameraId, reason);
    }

    void permit(String cameraId) {
        refused.remove(cameraId);
    }

    @Override
    public LegalStatus status(CameraDefinition camera, Instant at) {
        String reason = refused.get(camera.id());
        return new LegalStatus(camera.designationId(), reason == null, reason == null ? "test" : reason);
    }

    @Override
    public LegalStatus liveView(CameraDefinition camera, Instant at) {
        return status(camera, at);
    }

    @Override
    public List<ConfigProblem> check(CameraDefinition camera) {
        return List.of();
    }
}
