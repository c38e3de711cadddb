package nl.uitkijk.analytics.people.internal;

import java.util.List;
import java.util.Map;
import nl.uitkijk.api.analytics.AnalyticsModule;
import nl.uitkijk.testkit.AnalyticsConformance;

/** The people module against the analytics conformance kit. */
class PeopleConformanceTest extends AnalyticsConformance {

    @Override
    protected AnalyticsModule module() {
        return new PeopleModule();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("zones", List.of(Map.of("name", "plein", "polygon", List.of(List.of(0.0, 0.3),
                List.of(1.0, 0.3), List.of(1.0, 0.75), List.of(0.0, 0.75)), "crowdCount", 3, "loiterSeconds", 5)),
                "lines", List.of(Map.of("name", "pad", "points", List.of(List.of(0.6, 0.3), List.of(0.6, 0.75)))));
    }

    @Override
    protected Map<String, Object> invalidConfig() {
        return Map.of("lines", List.of(Map.of("points", List.of(List.of(0.5, 0.5)))));
    }
}
