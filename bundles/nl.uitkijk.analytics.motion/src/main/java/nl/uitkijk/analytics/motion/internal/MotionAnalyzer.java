package nl.uitkijk.analytics.motion.internal;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_video.createBackgroundSubtractorMOG2;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.analytics.Detection;
import nl.uitkijk.api.analytics.FrameAnalyzer;
import nl.uitkijk.api.media.VideoFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_video.BackgroundSubtractorMOG2;

/**
 * Motion in one camera's pictures: OpenCV's MOG2 background model (it adapts to light changing slowly and to
 * swaying leaves it has seen before), the foreground mask opened to drop single-pixel noise and dilated to join a
 * person's parts, then outlines larger than {@code minArea} whose centre counts (zones). An episode starts after
 * {@code startFrames} frames with motion and ends after {@code stopFrames} without; during one each frame gives a
 * {@code motion} detection per moving object, the first carrying the {@value #COLUMNS}×{@value #ROWS} motion grid
 * (hex, a bit per cell, row by row) that a motion search over recorded time reads. Gray frames only.
 */
final class MotionAnalyzer implements FrameAnalyzer {

    static final int COLUMNS = 16;
    static final int ROWS = 12;
    /** Frames the background model learns from before anything counts as motion. */
    static final int WARM_UP = 10;
    private static final int HISTORY = 200;
    /** A cell moves when this share of its pixels does. */
    private static final double CELL_SHARE = 0.05;

    private final MotionConfig config;
    private final BackgroundSubtractorMOG2 background;
    private final Mat kernel = getStructuringElement(MORPH_ELLIPSE, new Size(3, 3));
    private final Mat mask = new Mat();
    private long frames;
    private int withMotion;
    private int withoutMotion;
    private boolean active;

    MotionAnalyzer(MotionConfig config) {
        this.config = config;
        this.background = createBackgroundSubtractorMOG2(HISTORY, config.varianceThreshold(), false);
    }

    boolean active() {
        return active;
    }

    @Override
    public List<Detection> analyze(VideoFrame frame) {
        if (frame.pixelFormat() != VideoFrame.PixelFormat.GRAY8 || frame.width() < 16 || frame.height() < 16
                || frame.pixels().remaining() < (long) frame.stride() * (frame.height() - 1) + frame.width()) {
            throw new IllegalArgumentException("motion needs a GRAY8 picture of at least 16×16 with all its pixels");
        }
        List<Detection> moving;
        try (BytePointer pixels = new BytePointer(frame.pixels());
                Mat picture = new Mat(frame.height(), frame.width(), CV_8UC1, pixels, frame.stride())) {
            background.apply(picture, mask);
            frames++;
            if (frames <= WARM_UP) {
                return List.of();
            }
            morphologyEx(mask, mask, MORPH_OPEN, kernel);
            dilate(mask, mask, kernel);
            moving = objects(frame.width(), frame.height());
        }
        if (moving.isEmpty()) {
            withMotion = 0;
            if (active && ++withoutMotion >= config.stopFrames()) {
                active = false;
            }
            return List.of();
        }
        withoutMotion = 0;
        if (!active && ++withMotion >= config.startFrames()) {
            active = true;
        }
        if (!active) {
            return List.of();
        }
        Detection first = moving.get(0);
        List<Detection> found = new ArrayList<>(moving);
        found.set(0, new Detection(first.type(), first.confidence(), first.x(), first.y(), first.width(),
                first.height(), Map.of("grid", grid(frame.width(), frame.height()), "cells", COLUMNS + "x" + ROWS)));
        return found;
    }

    /** The moving objects big enough and in a zone that counts, largest first. */
    private List<Detection> objects(int width, int height) {
        List<Detection> found = new ArrayList<>();
        double minimum = config.minArea() * width * height;
        try (MatVector contours = new MatVector(); Mat copy = mask.clone()) {
            findContours(copy, contours, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
            for (long i = 0; i < contours.size(); i++) {
                try (Rect box = boundingRect(contours.get(i))) {
                    double area = (double) box.width() * box.height();
                    double centreX = (box.x() + box.width() / 2.0) / width;
                    double centreY = (box.y() + box.height() / 2.0) / height;
                    if (area < minimum || !config.counts(centreX, centreY)) {
                        continue;
                    }
                    double share;
                    try (Mat region = new Mat(mask, box)) {
                        share = countNonZero(region) / area;
                    }
                    found.add(new Detection("motion", Math.min(1, share), (double) box.x() / width,
                            (double) box.y() / height, (double) box.width() / width, (double) box.height() / height,
                            Map.of()));
                }
            }
        }
        found.sort((a, b) -> Double.compare(b.width() * b.height(), a.width() * a.height()));
        return found;
    }

    /** A bit per cell, row by row, as hex: 1 where at least {@value #CELL_SHARE} of the cell moves. */
    String grid(int width, int height) {
        byte[] bits = new byte[COLUMNS * ROWS / 8];
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS; column++) {
                int x = column * width / COLUMNS;
                int y = row * height / ROWS;
                int w = (column + 1) * width / COLUMNS - x;
                int h = (row + 1) * height / ROWS - y;
                try (Rect cell = new Rect(x, y, w, h); Mat region = new Mat(mask, cell)) {
                    if (countNonZero(region) >= CELL_SHARE * w * h) {
                        int index = row * COLUMNS + column;
                        bits[index / 8] |= (byte) (0x80 >>> (index % 8));
                    }
                }
            }
        }
        return HexFormat.of().formatHex(bits);
    }

    @Override
    public void close() {
        background.close();
        kernel.close();
        mask.close();
    }
}
