package nl.uitkijk.analytics.lpr.internal;

import java.util.Map;
import nl.uitkijk.api.analytics.AnalyticsModule;
import nl.uitkijk.testkit.AnalyticsConformance;

/** The LPR module against the analytics conformance kit. */
class LprConformanceTest extends AnalyticsConformance {

    @Override
    protected AnalyticsModule module() {
        return new LprModule();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("minVotes", 3, "region", java.util.List.of(java.util.List.of(0.0, 0.5), java.util.List.of(1.0,
                0.5), java.util.List.of(1.0, 1.0), java.util.List.of(0.0, 1.0)));
    }

    @Override
    protected Map<String, Object> invalidConfig() {
        return Map.of("minVotes", 0);
    }
}
