package nl.uitkijk.analytics.lpr.internal;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_LIST;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.drawContours;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.minAreaRect;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RotatedRect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.Size2f;

/**
 * Finds and reads licence plates in a picture with PP-OCR (PaddleOCR's text detector and recogniser, the ONNX
 * exports of RapidOCR, Apache-2.0) on ONNX Runtime: the detector's probability map gives text boxes (DB
 * post-processing: threshold, contours, box score, unclip), each box is warped upright and read (CTC, greedy), and
 * a reading is kept as a plate when its shape is plate-like and it fits a plate layout ({@link PlateSyntax}).
 * Chosen over Tesseract by measurement (ADR 0016). Thread-safe: ONNX Runtime sessions may run concurrently.
 */
final class PlateReader implements AutoCloseable {

    /** A plate found: the text fitted to its layout, where it is in the picture (pixels), how sure the reader is. */
    record Plate(String text, String formatted, String country, String sidecode, double confidence, Rect box,
            String reading) {
    }

    static final String DETECTOR = "/models/ch_PP-OCRv4_det_infer.onnx";
    static final String RECOGNISER = "/models/ch_PP-OCRv4_rec_infer.onnx";
    static final String KEYS = "/models/ppocr_keys_v1.txt";

    private static final float[] MEAN = { 0.485f, 0.456f, 0.406f };
    private static final float[] STD = { 0.229f, 0.224f, 0.225f };
    private static final int DETECT_MAX_SIDE = 960;
    private static final float TEXT_THRESHOLD = 0.3f;
    private static final double BOX_THRESHOLD = 0.5;
    private static final double UNCLIP = 1.6;
    private static final double WIDEN = 0.06;
    private static final int READ_HEIGHT = 48;
    private static final int READ_MIN_WIDTH = 320;
    private static final int READ_MAX_WIDTH = 960;
    private static final double UNFITTED = 0.55;

    private final OrtEnvironment environment;
    private final OrtSession detector;
    private final OrtSession recogniser;
    private final String detectorInput;
    private final String recogniserInput;
    private final List<String> keys;

    PlateReader(int threads) {
        environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            detector = environment.createSession(resource(DETECTOR), options);
            recogniser = environment.createSession(resource(RECOGNISER), options);
            detectorInput = detector.getInputNames().iterator().next();
            recogniserInput = recogniser.getInputNames().iterator().next();
        } catch (OrtException e) {
            throw new IllegalStateException("The PP-OCR models do not load: " + e.getMessage(), e);
        }
        List<String> characters = new ArrayList<>();
        for (String line : new String(resource(KEYS), StandardCharsets.UTF_8).split("\n")) {
            characters.add(line.replace("\r", ""));
        }
        characters.add(" "); // the recogniser's last class
        keys = List.copyOf(characters);
    }

    private static byte[] resource(String name) {
        try (InputStream in = PlateReader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Model " + name + " is not in the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Model " + name + " does not read: " + e.getMessage(), e);
        }
    }

    /** Plates in a BGR picture, the surest first; at most {@code max}. */
    List<Plate> read(Mat bgr, double minConfidence, int max) {
        List<Plate> plates = new ArrayList<>();
        for (RotatedRect box : detect(bgr)) {
            Optional<Plate> plate = plate(bgr, box);
            plate.filter(p -> p.confidence() >= minConfidence).ifPresent(plates::add);
        }
        plates.sort(Comparator.comparingDouble(Plate::confidence).reversed());
        List<Plate> kept = new ArrayList<>();
        for (Plate plate : plates) {
            if (kept.size() < max && kept.stream().noneMatch(k -> overlap(k.box(), plate.box()) > 0.3)) {
                kept.add(plate);
            }
        }
        return kept;
    }

    private Optional<Plate> plate(Mat bgr, RotatedRect box) {
        float longSide = Math.max(box.size().width(), box.size().height());
        float shortSide = Math.min(box.size().width(), box.size().height());
        double aspect = longSide / Math.max(1f, shortSide);
        if (aspect < 1.5 || aspect > 12 || shortSide < 8) {
            return Optional.empty();
        }
        Reading reading = recognise(upright(bgr, box));
        String plain = PlateSyntax.normalise(reading.text());
        if (plain.length() < 4 || plain.length() > 10) {
            return Optional.empty();
        }
        Rect bounds = box.boundingRect();
        Rect clipped = clip(bounds, bgr.cols(), bgr.rows());
        Optional<PlateSyntax.Fit> fit = PlateSyntax.fit(plain);
        if (fit.isPresent()) {
            PlateSyntax.Fit f = fit.get();
            return Optional.of(new Plate(f.text(), f.formatted(), f.country(), f.sidecode(),
                    reading.confidence() / (1 + 0.15 * f.cost()), clipped, reading.text()));
        }
        boolean mixed = plain.chars().anyMatch(Character::isDigit) && plain.chars().anyMatch(Character::isLetter);
        return Optional.of(new Plate(plain, plain, null, null, reading.confidence() * UNFITTED * (mixed ? 1 : 0.9),
                clipped, reading.text()));
    }

    private static Rect clip(Rect r, int width, int height) {
        int x = Math.max(0, r.x());
        int y = Math.max(0, r.y());
        return new Rect(x, y, Math.max(1, Math.min(width, r.x() + r.width()) - x),
                Math.max(1, Math.min(height, r.y() + r.height()) - y));
    }

    private static double overlap(Rect a, Rect b) {
        int x1 = Math.max(a.x(), b.x());
        int y1 = Math.max(a.y(), b.y());
        int x2 = Math.min(a.x() + a.width(), b.x() + b.width());
        int y2 = Math.min(a.y() + a.height(), b.y() + b.height());
        double inter = Math.max(0, x2 - x1) * (double) Math.max(0, y2 - y1);
        return inter / Math.min(a.area(), b.area());
    }

    /** Text boxes, in picture pixels (DB post-processing as PaddleOCR does it). */
    List<RotatedRect> detect(Mat bgr) {
        int height = bgr.rows();
        int width = bgr.cols();
        double scale = Math.min(1.0, DETECT_MAX_SIDE / (double) Math.max(height, width));
        int h = Math.max(32, (int) Math.round(height * scale / 32) * 32);
        int w = Math.max(32, (int) Math.round(width * scale / 32) * 32);
        Mat resized = new Mat();
        resize(bgr, resized, new Size(w, h));
        FloatBuffer input = FloatBuffer.allocate(3 * h * w);
        try (UByteIndexer pixels = resized.createIndexer()) {
            for (int c = 0; c < 3; c++) {
                int plane = c * h * w;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        input.put(plane + y * w + x, (pixels.get(y, x, c) / 255f - MEAN[c]) / STD[c]);
                    }
                }
            }
        }
        resized.close();
        List<RotatedRect> boxes = new ArrayList<>();
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, new long[] { 1, 3, h, w });
                OrtSession.Result result = detector.run(Map.of(detectorInput, tensor));
                Mat probability = new Mat(h, w, CV_32F);
                Mat text = new Mat(h, w, CV_8U)) {
            FloatBuffer map = ((OnnxTensor) result.get(0)).getFloatBuffer();
            try (FloatIndexer p = probability.createIndexer(); UByteIndexer t = text.createIndexer()) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        float value = map.get(y * w + x);
                        p.put(y, x, value);
                        t.put(y, x, value > TEXT_THRESHOLD ? 255 : 0);
                    }
                }
            }
            double sx = width / (double) w;
            double sy = height / (double) h;
            try (MatVector contours = new MatVector()) {
                findContours(text, contours, new Mat(), RETR_LIST, CHAIN_APPROX_SIMPLE);
                for (long i = 0; i < contours.size(); i++) {
                    Mat contour = contours.get(i);
                    RotatedRect area = minAreaRect(contour);
                    float bw = area.size().width();
                    float bh = area.size().height();
                    if (Math.min(bw, bh) < 3 || score(probability, contour) < BOX_THRESHOLD) {
                        continue;
                    }
                    double grow = bw * bh * UNCLIP / (2 * (bw + bh));
                    double widen = Math.max(bw, bh) * WIDEN;
                    double gw = bw >= bh ? grow + widen : grow;
                    double gh = bh > bw ? grow + widen : grow;
                    boxes.add(new RotatedRect(new Point2f((float) (area.center().x() * sx),
                            (float) (area.center().y() * sy)), new Size2f((float) ((bw + 2 * gw) * sx),
                                    (float) ((bh + 2 * gh) * sy)), area.angle()));
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Text detection failed: " + e.getMessage(), e);
        }
        return boxes;
    }

    /** The mean text probability inside a contour (within its bounding box, as the reference does it). */
    private static double score(Mat probability, Mat contour) {
        Rect r = clip(boundingRect(contour), probability.cols(), probability.rows());
        try (Mat mask = new Mat(r.height(), r.width(), CV_8U, new Scalar(0)); MatVector one = new MatVector(contour);
                Mat region = new Mat(probability, r)) {
            drawContours(mask, one, 0, new Scalar(255), -1, 8, new Mat(), Integer.MAX_VALUE,
                    new Point(-r.x(), -r.y()));
            return mean(region, mask).get(0);
        }
    }

    /** The box's pixels, turned and warped to an upright rectangle. */
    private static Mat upright(Mat bgr, RotatedRect box) {
        float[] corners = new float[8];
        try (Point2f points = new Point2f(4)) {
            box.points(points);
            for (int i = 0; i < 4; i++) {
                corners[2 * i] = points.position(i).x();
                corners[2 * i + 1] = points.position(i).y();
            }
        }
        int[] order = order(corners);
        float[] tl = { corners[2 * order[0]], corners[2 * order[0] + 1] };
        float[] tr = { corners[2 * order[1]], corners[2 * order[1] + 1] };
        float[] br = { corners[2 * order[2]], corners[2 * order[2] + 1] };
        float[] bl = { corners[2 * order[3]], corners[2 * order[3] + 1] };
        float w = (float) Math.hypot(tr[0] - tl[0], tr[1] - tl[1]);
        float h = (float) Math.hypot(bl[0] - tl[0], bl[1] - tl[1]);
        Mat out = new Mat();
        try (Mat src = new Mat(4, 1, CV_32FC2); Mat dst = new Mat(4, 1, CV_32FC2);
                FloatIndexer s = src.createIndexer(); FloatIndexer d = dst.createIndexer()) {
            float[][] from = { tl, tr, br, bl };
            float[][] to = { { 0, 0 }, { w, 0 }, { w, h }, { 0, h } };
            for (int i = 0; i < 4; i++) {
                s.put(i, 0, 0, from[i][0]);
                s.put(i, 0, 1, from[i][1]);
                d.put(i, 0, 0, to[i][0]);
                d.put(i, 0, 1, to[i][1]);
            }
            try (Mat transform = getPerspectiveTransform(src, dst)) {
                warpPerspective(bgr, out, transform, new Size(Math.max(1, Math.round(w)), Math.max(1, Math.round(h))),
                        INTER_CUBIC, BORDER_REPLICATE, new Scalar());
            }
        }
        if (out.rows() > out.cols() * 1.5) {
            Mat turned = new Mat();
            rotate(out, turned, ROTATE_90_COUNTERCLOCKWISE);
            out.close();
            return turned;
        }
        return out;
    }

    /** Indexes of the corners as top-left, top-right, bottom-right, bottom-left. */
    private static int[] order(float[] c) {
        int tl = 0;
        int br = 0;
        int tr = 0;
        int bl = 0;
        for (int i = 1; i < 4; i++) {
            if (c[2 * i] + c[2 * i + 1] < c[2 * tl] + c[2 * tl + 1]) {
                tl = i;
            }
            if (c[2 * i] + c[2 * i + 1] > c[2 * br] + c[2 * br + 1]) {
                br = i;
            }
            if (c[2 * i] - c[2 * i + 1] > c[2 * tr] - c[2 * tr + 1]) {
                tr = i;
            }
            if (c[2 * i] - c[2 * i + 1] < c[2 * bl] - c[2 * bl + 1]) {
                bl = i;
            }
        }
        return new int[] { tl, tr, br, bl };
    }

    record Reading(String text, double confidence) {
    }

    /** Reads one upright text line (height 48, CTC greedy decoding; confidence: the mean of the kept steps). */
    Reading recognise(Mat line) {
        int width = (int) Math.ceil(READ_HEIGHT * (double) line.cols() / Math.max(1, line.rows()));
        width = Math.max(8, Math.min(width, READ_MAX_WIDTH));
        int padded = Math.max(width, READ_MIN_WIDTH);
        FloatBuffer input = FloatBuffer.allocate(3 * READ_HEIGHT * padded);
        try (Mat resized = new Mat()) {
            resize(line, resized, new Size(width, READ_HEIGHT));
            try (UByteIndexer pixels = resized.createIndexer()) {
                for (int c = 0; c < 3; c++) {
                    int plane = c * READ_HEIGHT * padded;
                    for (int y = 0; y < READ_HEIGHT; y++) {
                        for (int x = 0; x < width; x++) {
                            input.put(plane + y * padded + x, (pixels.get(y, x, c) / 255f - 0.5f) / 0.5f);
                        }
                    }
                }
            }
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input,
                new long[] { 1, 3, READ_HEIGHT, padded });
                OrtSession.Result result = recogniser.run(Map.of(recogniserInput, tensor))) {
            OnnxTensor output = (OnnxTensor) result.get(0);
            long[] shape = output.getInfo().getShape();
            int steps = (int) shape[1];
            int classes = (int) shape[2];
            FloatBuffer scores = output.getFloatBuffer();
            StringBuilder text = new StringBuilder();
            double sum = 0;
            int kept = 0;
            int previous = -1;
            for (int t = 0; t < steps; t++) {
                int best = 0;
                float bestScore = scores.get(t * classes);
                for (int k = 1; k < classes; k++) {
                    float score = scores.get(t * classes + k);
                    if (score > bestScore) {
                        best = k;
                        bestScore = score;
                    }
                }
                if (best != 0 && best != previous && best - 1 < keys.size()) {
                    text.append(keys.get(best - 1));
                    sum += bestScore;
                    kept++;
                }
                previous = best;
            }
            return new Reading(text.toString(), kept == 0 ? 0 : sum / kept);
        } catch (OrtException e) {
            throw new IllegalStateException("Text recognition failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            detector.close();
            recogniser.close();
        } catch (OrtException e) {
            // closing: nothing left to do with it
        }
    }
}
