package nl.uitkijk.analytics.motion.internal;

import java.util.List;
import java.util.Map;
import nl.uitkijk.api.analytics.AnalyticsModule;
import nl.uitkijk.testkit.AnalyticsConformance;

/** The motion module against the analytics conformance kit. */
class MotionConformanceTest extends AnalyticsConformance {

    @Override
    protected AnalyticsModule module() {
        return new MotionModule();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("sensitivity", 7, "exclude", List.of(List.of(List.of(0.0, 0.0), List.of(1.0, 0.0),
                List.of(1.0, 0.1))));
    }

    @Override
    protected Map<String, Object> invalidConfig() {
        return Map.of("minArea", "veel");
    }
}
