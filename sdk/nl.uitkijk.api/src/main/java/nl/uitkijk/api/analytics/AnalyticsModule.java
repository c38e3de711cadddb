package nl.uitkijk.api.analytics;

import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An analytics module, registered as a whiteboard service with {@value #MODULE_ID}. The platform's analytics runtime
 * runs it on each camera whose policy enables it ({@link AnalyticsPolicies}) and whose designation permits its
 * {@link #personalData()} ({@link nl.uitkijk.api.governance.Designation#permits}): it decodes the camera's stream
 * once for all its modules, hands each module pictures as its {@link #requirements()} ask, from one thread at a time
 * per camera, stores what the module finds and turns detections of its {@link #eventTypes()} into episodes (an
 * event, event recording, an alarm with a snapshot).
 */
@ConsumerType
public interface AnalyticsModule {

    /** The service property naming the module (its id). */
    String MODULE_ID = "uitkijk.analytics.id";

    String id();

    String label();

    FrameRequirements requirements();

    /** Which personal data it may process (with any configuration): the DPIA inventory reads this. */
    Set<PersonalData> personalData();

    /**
     * Which personal data it processes with this configuration: the legal gate reads this. A module whose rules need
     * less with some settings (counting people needs no tracks) says so here. Default: {@link #personalData()}.
     *
     * @since 1.1
     */
    default Set<PersonalData> personalData(Map<String, Object> config) {
        return personalData();
    }

    /**
     * Detection types that are events: while they are found an episode is open (an event under
     * {@code uitkijk/analytics/}, event recording, one alarm per episode). Other types (a person's box on each
     * frame) are stored and shown but raise nothing. Default: none.
     *
     * @since 1.1
     */
    default Set<String> eventTypes() {
        return Set.of();
    }

    /**
     * Checks a configuration without starting anything; the default creates and closes an analyzer.
     *
     * @throws IllegalArgumentException naming the field at fault, as {@code config.<field>: what is accepted}
     * @since 1.1
     */
    default void validate(Map<String, Object> config) {
        create("validation", config).close();
    }

    /**
     * A fresh analyzer for one camera.
     *
     * @throws IllegalArgumentException naming the field at fault, as {@code config.<field>: what is accepted}
     */
    FrameAnalyzer create(String cameraId, Map<String, Object> config);
}
