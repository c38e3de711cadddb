package nl.uitkijk.core.internal.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.analytics.Detection;

/**
 * Thins one module's detections on one camera to what is stored: per type at most one a second, the most confident
 * (then largest) box of that second, with the motion grids of the whole second joined (bitwise or), so a motion
 * search over stored seconds misses no cell that moved. One thread at a time.
 */
final class DetectionSampler {

    /** What is stored for one type and second. */
    record Sample(String type, long atMicros, Detection best, String grid, int count) {
    }

    private final Map<String, Sample> current = new HashMap<>();

    /** The detections of a frame; returns the samples of seconds that are over. */
    List<Sample> frame(List<Detection> detections, long atMicros) {
        List<Sample> done = flushBefore(atMicros / 1_000_000);
        for (Detection detection : detections) {
            Sample sample = current.get(detection.type());
            String grid = detection.attributes().get("grid");
            if (sample == null) {
                current.put(detection.type(), new Sample(detection.type(), atMicros, detection, grid, 1));
            } else {
                Detection best = better(detection, sample.best()) ? detection : sample.best();
                current.put(detection.type(), new Sample(detection.type(), sample.atMicros(), best,
                        or(sample.grid(), grid), sample.count() + 1));
            }
        }
        return done;
    }

    /** Every sample still held (the module stops). */
    List<Sample> flush() {
        List<Sample> done = new ArrayList<>(current.values());
        current.clear();
        return done;
    }

    private List<Sample> flushBefore(long second) {
        List<Sample> done = new ArrayList<>();
        current.values().removeIf(sample -> {
            if (sample.atMicros() / 1_000_000 < second || sample.atMicros() / 1_000_000 > second) {
                done.add(sample);
                return true;
            }
            return false;
        });
        return done;
    }

    private static boolean better(Detection a, Detection b) {
        if (a.confidence() != b.confidence()) {
            return a.confidence() > b.confidence();
        }
        return a.width() * a.height() > b.width() * b.height();
    }

    /** Two hex grids of the same size joined; either may be absent. */
    static String or(String a, String b) {
        if (a == null || b == null || a.length() != b.length()) {
            return a == null ? b : a;
        }
        StringBuilder joined = new StringBuilder(a.length());
        for (int i = 0; i < a.length(); i++) {
            joined.append(Character.forDigit(Character.digit(a.charAt(i), 16) | Character.digit(b.charAt(i), 16), 16));
        }
        return joined.toString();
    }
}
