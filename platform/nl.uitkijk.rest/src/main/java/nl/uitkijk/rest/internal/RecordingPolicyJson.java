package nl.uitkijk.rest.internal;

import java.time.Duration;
import java.util.List;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.recording.RecordingPolicy;

/** A camera's recording policy as the API shows it. */
public record RecordingPolicyJson(String mode, Long preEventSeconds, Long postEventSeconds) {

    static RecordingPolicyJson of(RecordingPolicy policy) {
        return new RecordingPolicyJson(policy.mode().name(), policy.preEvent().toSeconds(),
                policy.postEvent().toSeconds());
    }

    RecordingPolicy toPolicy() throws InvalidCameraException {
        RecordingPolicy.Mode parsed;
        try {
            parsed = RecordingPolicy.Mode.valueOf(mode == null ? "" : mode);
        } catch (IllegalArgumentException e) {
            throw new InvalidCameraException(List.of(new ConfigProblem("mode",
                    "must be CONTINUOUS, EVENT or OFF")));
        }
        return new RecordingPolicy(parsed, preEventSeconds == null ? null : Duration.ofSeconds(preEventSeconds),
                postEventSeconds == null ? null : Duration.ofSeconds(postEventSeconds));
    }
}
