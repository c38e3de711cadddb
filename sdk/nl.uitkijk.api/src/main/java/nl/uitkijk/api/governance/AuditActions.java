package nl.uitkijk.api.governance;

/** The actions the platform records; plugins use their own {@code plugin.verb} names. */
public final class AuditActions {

    public static final String SIGN_IN_REFUSED = "sign-in.refused";
    /** A user signed in (over stateless HTTP Basic: the first request from an address after a pause). @since 1.3 */
    public static final String SIGN_IN = "sign-in";
    /** An account or an address locked out after repeated refused sign-ins (the count is in the detail). */
    public static final String SIGN_IN_LOCKED = "sign-in.locked";
    /** An administrator lifted an account's lockout. */
    public static final String SIGN_IN_UNLOCKED = "sign-in.unlocked";
    /** A user signed out of the web console. @since 1.4 */
    public static final String SIGN_OUT = "sign-out";
    /** A camera was shared with an outside party (the police), or no longer. @since 1.4 */
    public static final String CAMERA_SHARE = "camera.share";
    public static final String CAMERA_UNSHARE = "camera.unshare";
    /** An operator raised an alarm by hand. @since 1.7 */
    public static final String ALARM_RAISE = "alarm.raise";
    /** An administrator added, changed or removed a control-room connector instance. @since 1.7 */
    public static final String CONNECTOR_CHANGE = "connector.change";
    public static final String CONNECTOR_REMOVE = "connector.remove";
    /** A supervisor handed cameras over to a control room (live link), revoked it, or the link was watched. */
    public static final String HANDOVER_CREATE = "handover.create";
    public static final String HANDOVER_REVOKE = "handover.revoke";
    public static final String HANDOVER_VIEW = "handover.view";
    /** An operator acknowledged an alarm (with a comment). @since 1.4 */
    public static final String ALARM_ACKNOWLEDGE = "alarm.acknowledge";
    public static final String CAMERA_ADD = "camera.add";
    public static final String CAMERA_CHANGE = "camera.change";
    public static final String CAMERA_REMOVE = "camera.remove";
    /** An administrator added, changed (role or password) or removed a user account. @since 1.5 */
    public static final String USER_ADD = "user.add";
    public static final String USER_CHANGE = "user.change";
    public static final String USER_REMOVE = "user.remove";
    /** An administrator installed or uninstalled a plugin (a Karaf feature) from the console. @since 1.5 */
    public static final String PLUGIN_INSTALL = "plugin.install";
    public static final String PLUGIN_UNINSTALL = "plugin.uninstall";
    /** A plugin's conformance kit run in the installation and its report signed. @since 1.11 */
    public static final String PLUGIN_CERTIFY = "plugin.certify";
    /** An administrator tried a camera's connection without storing it. @since 1.5 */
    public static final String CAMERA_TEST = "camera.test";
    public static final String RECORDING_POLICY = "recording.policy";
    public static final String EXPORT = "export";
    public static final String HOLD_ADD = "hold.add";
    public static final String HOLD_RELEASE = "hold.release";
    public static final String RETENTION_DELETE = "retention.delete";
    public static final String RETENTION_CHANGE = "retention.change";
    public static final String DESIGNATION_ADD = "designation.add";
    public static final String DESIGNATION_CHANGE = "designation.change";
    public static final String DESIGNATION_WITHDRAW = "designation.withdraw";
    public static final String LIVE_START = "live.start";
    public static final String LIVE_STOP = "live.stop";
    /** @since 1.3 */
    public static final String DEPLOYMENT_ADD = "deployment.add";
    /** @since 1.3 */
    public static final String DEPLOYMENT_CANCEL = "deployment.cancel";
    /** A live view or export was refused for want of a legal basis. @since 1.3 */
    public static final String LEGAL_REFUSAL = "legal.refusal";
    /** The DPIA inventory was exported. @since 1.3 */
    public static final String DPIA_EXPORT = "dpia.export";
    public static final String PLAYBACK = "playback";
    public static final String PTZ = "ptz";
    /** An analytics module switched on, off or reconfigured for a camera. @since 1.8 */
    public static final String ANALYTICS_POLICY = "analytics.policy";
    /** Detections or a motion search read. @since 1.8 */
    public static final String DETECTION_SEARCH = "detection.search";
    /** A still read for licence plates ({@code POST /lpr/read}). @since 1.9 */
    public static final String LPR_READ = "lpr.read";
    /** Plate reads searched. @since 1.9 */
    public static final String LPR_SEARCH = "lpr.search";
    /** A hotlist entry added or removed. @since 1.9 */
    public static final String LPR_HOTLIST = "lpr.hotlist";
    /** A camera's privacy masks changed. @since 1.9 */
    public static final String PRIVACY_MASKS = "privacy.masks";
    /** A camera seen without its privacy masks (live, still, playback or export), with the reason. @since 1.9 */
    public static final String PRIVACY_UNMASK = "privacy.unmask";
    /** An incident opened. @since 1.10 */
    public static final String INCIDENT_OPEN = "incident.open";
    /** An incident changed: a journal note, alarms or cameras attached, footage bookmarked, a step ticked, moved.
     * @since 1.10 */
    public static final String INCIDENT_CHANGE = "incident.change";
    /** An incident closed with its outcome. @since 1.10 */
    public static final String INCIDENT_CLOSE = "incident.close";
    /** A procedure, an outcome or a shared video wall saved. @since 1.10 */
    public static final String CONTROL_ROOM_SETUP = "controlroom.setup";
    /** A note left in the shift log. @since 1.10 */
    public static final String SHIFT_NOTE = "shift.note";

    private AuditActions() {
    }
}
