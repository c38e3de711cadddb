package ${package};

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.analytics.Detection;
import nl.uitkijk.api.analytics.FrameAnalyzer;
import nl.uitkijk.api.media.VideoFrame;

/** Tamper on one camera: the brightness's standard deviation per picture, and how many in a row had too little. */
final class ${nameClass}Analyzer implements FrameAnalyzer {

    private final ${nameClass}Settings settings;
    private int withoutContrast;

    ${nameClass}Analyzer(${nameClass}Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<Detection> analyze(VideoFrame frame) {
        ByteBuffer pixels = frame.pixels();
        if (frame.pixelFormat() != VideoFrame.PixelFormat.GRAY8 || frame.width() < 1 || frame.height() < 1
                || pixels == null || pixels.remaining() < (long) frame.stride() * (frame.height() - 1) + frame.width()) {
            throw new IllegalArgumentException("${name} needs a GRAY8 picture with all its pixels");
        }
        double sum = 0;
        double squares = 0;
        for (int y = 0; y < frame.height(); y++) {
            int row = pixels.position() + y * frame.stride();
            for (int x = 0; x < frame.width(); x++) {
                int value = pixels.get(row + x) & 0xff;
                sum += value;
                squares += (double) value * value;
            }
        }
        double count = (double) frame.width() * frame.height();
        double mean = sum / count;
        double deviation = Math.sqrt(Math.max(0, squares / count - mean * mean));
        withoutContrast = deviation < settings.minContrast() ? withoutContrast + 1 : 0;
        if (withoutContrast < settings.frames()) {
            return List.of();
        }
        return List.of(new Detection("tamper", Math.min(1, 1 - deviation / settings.minContrast() / 2), 0, 0, 1, 1,
                Map.of("contrast", String.format(java.util.Locale.ROOT, "%.1f", deviation), "brightness",
                        String.format(java.util.Locale.ROOT, "%.0f", mean))));
    }

    @Override
    public void close() {
        // nothing native held
    }
}
