package nl.uitkijk.core.internal.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.uitkijk.api.analytics.Detection;
import org.junit.jupiter.api.Test;

class DetectionSamplerTest {

    private static Detection motion(double confidence, double size, String grid) {
        return new Detection("motion", confidence, 0.1, 0.1, size, size, grid == null ? Map.of() : Map.of("grid", grid));
    }

    @Test
    void oneSamplePerTypeAndSecondWithTheBestBoxAndTheJoinedGrid() {
        DetectionSampler sampler = new DetectionSampler();
        String a = "8" + "0".repeat(47);
        String b = "0".repeat(47) + "1";
        assertTrue(sampler.frame(List.of(motion(0.5, 0.2, a)), 10_100_000).isEmpty());
        assertTrue(sampler.frame(List.of(motion(0.9, 0.1, b), new Detection("person", 0.7, 0, 0, 0.1, 0.3, null)),
                10_600_000).isEmpty());
        List<DetectionSampler.Sample> done = sampler.frame(List.of(), 11_000_000);
        assertEquals(2, done.size());
        DetectionSampler.Sample motion = done.stream().filter(s -> s.type().equals("motion")).findFirst().orElseThrow();
        assertEquals(0.9, motion.best().confidence(), "the most confident box");
        assertEquals("8" + "0".repeat(46) + "1", motion.grid(), "every cell that moved in the second");
        assertEquals(2, motion.count());
        assertEquals(10_100_000, motion.atMicros(), "the second's first moment");
        assertTrue(sampler.flush().isEmpty());
    }

    @Test
    void gridsJoinBitwise() {
        assertEquals("ff", DetectionSampler.or("f0", "0f"));
        assertEquals("a5", DetectionSampler.or("a5", null));
        assertEquals("a5", DetectionSampler.or(null, "a5"));
    }
}
