package nl.uitkijk.driver.demo.internal;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Draws a synthetic street scene with OpenCV: a fixed background of façades and a road, pedestrians and cars that
 * move with time, and the camera name with a clock in the corner as real CCTV shows it. The same seed gives the same
 * scene, so each demo camera looks different but stable.
 *
 * <p>At the right end of the clock bar a time code: the render time in milliseconds (the low {@value #TIME_CODE_BITS} bits, most
 * significant first) as white (1) and black (0) blocks on a black bar. A viewer on the same machine reads it back
 * from the shown picture to measure glass-to-glass latency (the console benchmark); blocks of at least 8 pixels
 * survive H.264 compression.
 */
final class SceneRenderer implements AutoCloseable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Europe/Amsterdam"));

    static final int TIME_CODE_BITS = 32;

    private final int width;
    private final int height;
    private final String label;
    private final Mat background;
    private final Mat picture;
    private final Walker[] walkers;

    private record Walker(int lane, double speed, double phase, Scalar colour, boolean car) {
    }

    SceneRenderer(int width, int height, String label, long seed) {
        this.width = width;
        this.height = height;
        this.label = label;
        Random random = new Random(seed);
        background = new Mat(height, width, CV_8UC3, new Scalar(200, 170, 140, 0));
        picture = new Mat(height, width, CV_8UC3);
        int horizon = height * 45 / 100;
        int x = 0;
        while (x < width) {
            int w = width / 8 + random.nextInt(width / 6);
            int top = horizon - height / 6 - random.nextInt(height / 4);
            Scalar facade = new Scalar(90 + random.nextInt(80), 100 + random.nextInt(80), 110 + random.nextInt(90), 0);
            rectangle(background, new Point(x, top), new Point(x + w - 2, horizon), facade, FILLED, LINE_AA, 0);
            for (int wy = top + 8; wy < horizon - 14; wy += 22) {
                for (int wx = x + 6; wx < x + w - 14; wx += 18) {
                    rectangle(background, new Point(wx, wy), new Point(wx + 9, wy + 12), new Scalar(60, 60, 50, 0),
                            FILLED, LINE_AA, 0);
                }
            }
            x += w;
        }
        rectangle(background, new Point(0, horizon), new Point(width, height), new Scalar(95, 95, 95, 0), FILLED,
                LINE_AA, 0);
        rectangle(background, new Point(0, horizon), new Point(width, horizon + height / 10),
                new Scalar(150, 155, 160, 0), FILLED, LINE_AA, 0);
        walkers = new Walker[6];
        for (int i = 0; i < walkers.length; i++) {
            boolean car = i >= 4;
            Scalar colour = new Scalar(random.nextInt(255), random.nextInt(255), random.nextInt(255), 0);
            walkers[i] = new Walker(i, (car ? 0.12 : 0.035) * (random.nextBoolean() ? 1 : -1)
                    * (0.7 + random.nextDouble() * 0.6), random.nextDouble(), colour, car);
        }
    }

    /** The picture at a moment; valid until the next call. */
    Mat render(Instant at) {
        background.copyTo(picture);
        double seconds = at.toEpochMilli() / 1000.0;
        int horizon = height * 45 / 100;
        for (Walker walker : walkers) {
            double position = (walker.phase() + seconds * walker.speed()) % 1.0;
            if (position < 0) {
                position += 1.0;
            }
            int cx = (int) (position * (width + 80)) - 40;
            if (walker.car()) {
                int cy = horizon + height / 5 + (walker.lane() - 4) * height / 7;
                rectangle(picture, new Point(cx - 35, cy - 14), new Point(cx + 35, cy + 14), walker.colour(), FILLED,
                        LINE_AA, 0);
                rectangle(picture, new Point(cx - 18, cy - 22), new Point(cx + 16, cy - 14), walker.colour(), FILLED,
                        LINE_AA, 0);
            } else {
                int cy = horizon + 4 + walker.lane() * 5;
                circle(picture, new Point(cx, cy - 26), 5, new Scalar(140, 170, 210, 0), FILLED, LINE_AA, 0);
                rectangle(picture, new Point(cx - 5, cy - 21), new Point(cx + 5, cy), walker.colour(), FILLED,
                        LINE_AA, 0);
            }
        }
        double scale = Math.max(0.4, width / 1280.0);
        rectangle(picture, new Point(0, 0), new Point(width, (int) (30 * scale) + 8), new Scalar(0, 0, 0, 0), FILLED,
                LINE_AA, 0);
        putText(picture, label + "   " + CLOCK.format(at), new Point(8, (int) (24 * scale) + 2), FONT_HERSHEY_SIMPLEX,
                scale * 0.8, new Scalar(255, 255, 255, 0), 1, LINE_AA, false);
        drawTimeCode(at.toEpochMilli());
        return picture;
    }

    /**
     * Block size of the time code. Bit {@code i} (most significant first) is the block whose top left corner is at
     * {@code x = width - block * (bits + 1 - i)}, {@code y = 4}: a viewer reads the centre of each.
     */
    static int timeCodeBlock(int width) {
        return Math.max(8, width / 120);
    }

    /** Drawn on the black clock bar, so only the white blocks need drawing. */
    private void drawTimeCode(long millis) {
        int block = timeCodeBlock(width);
        int top = 4;
        for (int bit = 0; bit < TIME_CODE_BITS; bit++) {
            if ((millis >>> (TIME_CODE_BITS - 1 - bit) & 1) == 1) {
                int left = width - block * (TIME_CODE_BITS + 1 - bit);
                rectangle(picture, new Point(left, top), new Point(left + block - 1, top + block - 1),
                        new Scalar(255, 255, 255, 0), FILLED, 8, 0);
            }
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    @Override
    public void close() {
        background.close();
        picture.close();
    }
}
