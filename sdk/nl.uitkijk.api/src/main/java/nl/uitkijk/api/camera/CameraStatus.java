package nl.uitkijk.api.camera;

/** The state of a camera as the platform sees it. */
public enum CameraStatus {
    /** Not yet known: the session was just started and has not reported. */
    UNKNOWN,
    /** The camera answers and its streams can be used. */
    ONLINE,
    /** The camera cannot be used; the detail says why in words an operator understands. */
    OFFLINE,
    /** The camera's driver bundle is not installed; the camera comes back by itself when it is. */
    DRIVER_MISSING,
    /**
     * No legal basis covers the camera now (no designation in force, outside its area, or a mobile camera that is
     * not deployed): the platform keeps it stopped; the detail gives the reason.
     *
     * @since 1.3
     */
    NOT_PERMITTED
}
