package nl.uitkijk.api.camera;

import java.time.Instant;
import java.util.Objects;

/**
 * A camera's status with the reason for it and the moment it was entered.
 *
 * @param status the status
 * @param detail a short reason an operator understands (e.g. "authentication failed"); empty when none
 * @param since when the camera entered this status
 */
public record StatusInfo(CameraStatus status, String detail, Instant since) {

    public StatusInfo {
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        since = since == null ? Instant.now() : since;
    }

    public static StatusInfo unknown() {
        return new StatusInfo(CameraStatus.UNKNOWN, "", Instant.now());
    }

    public static StatusInfo online() {
        return new StatusInfo(CameraStatus.ONLINE, "", Instant.now());
    }

    public static StatusInfo online(String detail) {
        return new StatusInfo(CameraStatus.ONLINE, detail, Instant.now());
    }

    public static StatusInfo offline(String reason) {
        return new StatusInfo(CameraStatus.OFFLINE, reason, Instant.now());
    }

    /** Same status and detail, whatever the moment: used to suppress repeated reports. */
    public boolean sameAs(StatusInfo other) {
        return other != null && status == other.status && detail.equals(other.detail);
    }
}
