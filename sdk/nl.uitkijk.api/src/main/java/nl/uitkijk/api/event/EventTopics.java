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
    /**
     * A device reported an event (motion, tamper, input). Properties: {@link #CAMERA_ID}, {@link #TYPE},
     * {@link #ACTIVE} (since 1.2), {@link #DETAIL}.
     */
    public static final String DEVICE_EVENT = "uitkijk/device/EVENT";

    /**
     * Something happened at a camera that deserves footage (motion, an alarm, an operator's mark): event-mode
     * recording starts; properties {@link #CAMERA_ID} and {@link #TYPE}.
     *
     * @since 1.1
     */
    public static final String CAMERA_EVENT = "uitkijk/camera/EVENT";

    /**
     * A designation was registered, changed or withdrawn; properties {@link #DESIGNATION_ID}.
     *
     * @since 1.2
     */
    public static final String DESIGNATION_CHANGED = "uitkijk/governance/DESIGNATION_CHANGED";
    /**
     * A mobile camera's deployment was planned or cancelled; properties {@link #CAMERA_ID}.
     *
     * @since 1.2
     */
    public static final String DEPLOYMENT_CHANGED = "uitkijk/governance/DEPLOYMENT_CHANGED";
    /**
     * A designation ends in 30 or 7 days or is due for evaluation; properties {@link #DESIGNATION_ID},
     * {@link #TYPE} ({@code END_IN_30_DAYS}, {@code END_IN_7_DAYS}, {@code EVALUATION_DUE}), {@link #DETAIL}.
     *
     * @since 1.2
     */
    public static final String DESIGNATION_WARNING = "uitkijk/governance/DESIGNATION_WARNING";

    /**
     * Trouble the operators must see, raised by the platform or a plugin (recording failing, storage low, a stream
     * lost, an integrity mismatch): the alarm queue stores it as an alarm. Properties {@link #TYPE} (short, e.g.
     * {@code recording-failing}), {@link #PRIORITY} ({@code HIGH}, {@code MEDIUM}, {@code LOW}), {@link #DETAIL}
     * (one line for the operator) and, where it concerns one camera, {@link #CAMERA_ID}. Post it with
     * {@code postEvent}: the alarm queue repeats no alarm of the same type and camera within 30 s.
     *
     * @since 1.3
     */
    public static final String SYSTEM_ALARM = "uitkijk/system/ALARM";

    /**
     * Prefix of the topics on which the analytics runtime tells an episode's start and end:
     * {@code uitkijk/analytics/<type>} (e.g. {@code uitkijk/analytics/motion}, {@code uitkijk/analytics/crowd}).
     * Properties {@link #CAMERA_ID}, {@link #TYPE}, {@link #ACTIVE} (true when it began), {@link #MODULE_ID},
     * {@link #EPISODE_ID}. Subscribe with {@code event.topics=uitkijk/analytics/*}.
     *
     * @since 1.4
     */
    public static final String ANALYTICS_PREFIX = "uitkijk/analytics/";

    public static final String CAMERA_ID = "cameraId";
    /** @since 1.4 */
    public static final String MODULE_ID = "moduleId";
    /** @since 1.4 */
    public static final String EPISODE_ID = "episodeId";
    /** @since 1.3 */
    public static final String PRIORITY = "priority";
    /** @since 1.2 */
    public static final String DESIGNATION_ID = "designationId";
    public static final String STATUS = "status";
    public static final String DETAIL = "detail";
    public static final String TYPE = "type";
    /** @since 1.2 */
    public static final String ACTIVE = "active";

    private EventTopics() {
    }
}
