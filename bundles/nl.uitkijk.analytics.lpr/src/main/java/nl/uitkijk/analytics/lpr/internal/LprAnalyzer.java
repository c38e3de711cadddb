package nl.uitkijk.analytics.lpr.internal;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.analytics.Detection;
import nl.uitkijk.api.analytics.FrameAnalyzer;
import nl.uitkijk.api.lpr.PlateRead;
import nl.uitkijk.api.media.VideoFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * One camera's plate reading: every frame read, reads in the region voted into passages, one {@code plate}
 * detection per passage (its attributes: text, formatted, sidecode, country, votes). The platform checks it against
 * the hotlist and keeps it only on a hit.
 */
final class LprAnalyzer implements FrameAnalyzer {

    private static final int MAX_PLATES_PER_FRAME = 4;

    private final PlateReader reader;
    private final LprConfig config;
    private final Passages passages;

    LprAnalyzer(PlateReader reader, LprConfig config) {
        this.reader = reader;
        this.config = config;
        this.passages = new Passages(config.minVotes(), config.gapSeconds());
    }

    @Override
    public List<Detection> analyze(VideoFrame frame) {
        if (frame.pixelFormat() != VideoFrame.PixelFormat.BGR24) {
            throw new IllegalArgumentException("LPR reads BGR24 pictures, not " + frame.pixelFormat());
        }
        if (frame.stride() < frame.width() * 3 || frame.pixels().remaining() < (long) frame.stride() * frame.height()) {
            throw new IllegalArgumentException("a " + frame.width() + "×" + frame.height() + " picture needs "
                    + (long) frame.stride() * frame.height() + " bytes at stride " + frame.stride() + ", it has "
                    + frame.pixels().remaining());
        }
        List<Passages.Read> reads = new ArrayList<>();
        if (frame.width() < LprModule.MIN_SIDE || frame.height() < LprModule.MIN_SIDE) {
            return passages(reads, frame.timestampMicros());
        }
        try (BytePointer pixels = new BytePointer(frame.pixels());
                Mat picture = new Mat(frame.height(), frame.width(), CV_8UC3, pixels, frame.stride())) {
            for (PlateReader.Plate plate : reader.read(picture, config.minConfidence(), MAX_PLATES_PER_FRAME)) {
                Rect box = plate.box();
                double x = box.x() / (double) frame.width();
                double y = box.y() / (double) frame.height();
                double w = box.width() / (double) frame.width();
                double h = box.height() / (double) frame.height();
                if (config.region() == null || config.region().contains(x + w / 2, y + h / 2)) {
                    reads.add(new Passages.Read(plate, x, y, w, h));
                }
            }
        }
        return passages(reads, frame.timestampMicros());
    }

    private List<Detection> passages(List<Passages.Read> reads, long atMicros) {
        List<Detection> found = new ArrayList<>();
        for (Passages.Passage passage : passages.frame(reads, atMicros)) {
            PlateReader.Plate plate = passage.plate();
            Map<String, String> attributes = new HashMap<>();
            attributes.put(PlateRead.TEXT, plate.text());
            attributes.put(PlateRead.FORMATTED, plate.formatted());
            attributes.put(PlateRead.VOTES, Integer.toString(passage.votes()));
            if (plate.sidecode() != null) {
                attributes.put(PlateRead.SIDECODE, plate.sidecode());
            }
            if (plate.country() != null) {
                attributes.put(PlateRead.COUNTRY, plate.country());
            }
            found.add(new Detection(PlateRead.DETECTION_TYPE, Math.min(1, passage.confidence()), passage.x(),
                    passage.y(), passage.width(), passage.height(), attributes));
        }
        return found;
    }

    @Override
    public void close() {
        // the reader is the module's, shared by its cameras
    }
}
