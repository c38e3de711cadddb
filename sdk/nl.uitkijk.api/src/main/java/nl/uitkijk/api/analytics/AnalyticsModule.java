package nl.uitkijk.api.analytics;

import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An analytics module, registered as a whiteboard service with {@value #MODULE_ID}. The platform runs it only on
 * cameras whose policy (and legal basis) allows it.
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
