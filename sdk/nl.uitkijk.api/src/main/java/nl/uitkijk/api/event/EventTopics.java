package nl.uitkijk.api.event;

/**
 * Event Admin topics under which the platform posts what happens, and the property names they carry. Subscribe
 * with an {@code org.osgi.service.event.EventHandler} and {@code event.topics=uitkijk/camera/*}.
 */
public final class EventTopics {

    /** A camera's status changed. Properties: {@link #CAMERA_ID}, {@link #STATUS}, {@link #DETAIL}. */
    public static final String CAMERA_STATUS = "uitkijk/camera/STATUS";
    /** A camera was added. Properties: {@link #CAMERA_ID}. */
    public static final String CAMERA_ADDED = "uitkijk/camera/ADDED";
    /** A camera's definition changed. Properties: {@link #CAMERA_ID}. */
    public static final String CAMERA_UPDATED = "uitkijk/camera/UPDATED";
    /** A camera was removed. Properties: {@link #CAMERA_ID}. */
    public static final String CAMERA_REMOVED = "uitkijk/camera/REMOVED";
    /** A device reported an event (motion, tamper, input). Properties: {@link #CAMERA_ID}, {@link #TYPE}. */
    public static final String DEVICE_EVENT = "uitkijk/device/EVENT";

    /**
     * Something happened at a camera that deserves footage (motion, an alarm, an operator's mark): event-mode
     * recording starts; properties {@link #CAMERA_ID} and {@link #TYPE}.
     *
     * @since 1.1
     */
    public static final String CAMERA_EVENT = "uitkijk/camera/EVENT";

    public static final String CAMERA_ID = "cameraId";
    public static final String STATUS = "status";
    public static final String DETAIL = "detail";
    public static final String TYPE = "type";

    private EventTopics() {
    }
}
