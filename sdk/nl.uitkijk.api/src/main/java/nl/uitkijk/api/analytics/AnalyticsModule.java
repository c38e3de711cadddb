package nl.uitkijk.api.analytics;

import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An analytics module, registered as a whiteboard service with {@value #MODULE_ID}. <b>Not run yet:</b> this version
 * of the platform has no analytics runtime; the contract is here so that modules and the runtime can be built
 * against it. The runtime is to run a module only on cameras whose policy enables it and whose designation permits
 * its {@link #personalData()} ({@link nl.uitkijk.api.governance.Designation#permits}).
 */
@ConsumerType
public interface AnalyticsModule {

    String MODULE_ID = "uitkijk.analytics.id";

    String id();

    String label();

    FrameRequirements requirements();

    /** Which personal data it processes; the legal gate and the DPIA inventory read this. */
    Set<PersonalData> personalData();

    FrameAnalyzer create(String cameraId, Map<String, Object> config);
}
