package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.analytics.AnalyticsModule;
import nl.uitkijk.api.analytics.Detection;
import nl.uitkijk.api.analytics.FrameAnalyzer;
import nl.uitkijk.api.media.VideoFrame;
import nl.uitkijk.testkit.AnalyticsConformance;
import org.junit.jupiter.api.Test;

/**
 * The module against the Uitkijk analytics conformance kit (the real clip of the shared test data), and its own
 * behaviour: the real footage is no tamper, a covered lens is.
 */
class ${nameClass}ConformanceTest extends AnalyticsConformance {

    @Override
    protected AnalyticsModule module() {
        return new ${nameClass}Module();
    }

    @Override
    protected Map<String, Object> invalidConfig() {
        return Map.of("minContrast", 1000);
    }

    @Test
    void aCoveredLensIsTamperAfterAFewPictures() {
        try (FrameAnalyzer analyzer = module().create("test", Map.of("frames", 3))) {
            ByteBuffer dark = ByteBuffer.allocateDirect(160 * 120);
            for (int i = 0; i < 2; i++) {
                assertTrue(analyzer.analyze(new VideoFrame(160, 120, 160, VideoFrame.PixelFormat.GRAY8, dark, i))
                        .isEmpty(), "not at once");
            }
            List<Detection> found = analyzer.analyze(new VideoFrame(160, 120, 160, VideoFrame.PixelFormat.GRAY8,
                    dark, 3));
            assertEquals(1, found.size());
            assertEquals("tamper", found.get(0).type());
        }
    }
}
