package nl.uitkijk.analytics.lpr.internal;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.uitkijk.testkit.TestData;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.tesseract.TessBaseAPI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The LPR benchmark (issue 16; {@code distribution/scripts/benchmark-lpr.sh}), on the 71 labelled EU plate photos:
 * <ol>
 * <li>the recogniser alone on the labelled plate crops: PP-OCRv4 (ours) against Tesseract 5 through JavaCV (the
 * plain baseline, single-line mode, letters and digits only, crop scaled to 64 px high);</li>
 * <li>end to end (find and read): exact match of the best read per photo, with O and 0 as one glyph, and
 * localisation IoU ≥ 0.5; time per photo;</li>
 * <li>time per video frame as the module sees it (1280×720 with a plate, and without).</li>
 * </ol>
 * Figures only; nothing here is timed as a test.
 */
@EnabledIfSystemProperty(named = "uitkijk.benchmark", matches = "lpr")
class LprBenchmark {

    private record Label(String image, Rect box, String plate) {
    }

    @Test
    void run() throws Exception {
        Path folder = TestData.require("plates");
        List<Label> labels = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("labels.tsv"))) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] f = line.split("\t");
                labels.add(new Label(f[0], new Rect(Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4])), f[5]));
            }
        }
        try (PlateReader reader = new PlateReader(1)) {
            crops(folder, labels, reader);
            endToEnd(folder, labels, reader);
            frames(folder, reader);
        }
    }

    private static void crops(Path folder, List<Label> labels, PlateReader reader) throws Exception {
        Path tessdata = Files.createTempDirectory("tessdata");
        try (InputStream eng = TessBaseAPI.class.getClassLoader().getResourceAsStream("tessdata/eng.traineddata")) {
            Files.copy(eng, tessdata.resolve("eng.traineddata"));
        }
        int ours = 0;
        int tesseract = 0;
        long oursNanos = 0;
        long tesseractNanos = 0;
        try (TessBaseAPI api = new TessBaseAPI()) {
            if (api.Init(tessdata.toString(), "eng") != 0) {
                throw new IllegalStateException("Tesseract does not start");
            }
            api.SetPageSegMode(org.bytedeco.tesseract.global.tesseract.PSM_SINGLE_LINE);
            api.SetVariable("tessedit_char_whitelist", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
            for (Label label : labels) {
                try (Mat photo = imread(folder.resolve(label.image()).toString());
                        Mat crop = new Mat(photo, label.box()).clone()) {
                    long t = System.nanoTime();
                    String reading = reader.recognise(crop).text();
                    String read = PlateSyntax.fit(reading).map(PlateSyntax.Fit::text)
                            .orElse(PlateSyntax.normalise(reading));
                    oursNanos += System.nanoTime() - t;
                    ours += same(read, label.plate()) ? 1 : 0;
                    t = System.nanoTime();
                    try (Mat gray = new Mat(); Mat tall = new Mat()) {
                        cvtColor(crop, gray, COLOR_BGR2GRAY);
                        double scale = 64.0 / crop.rows();
                        resize(gray, tall, new Size((int) Math.round(crop.cols() * scale), 64));
                        api.SetImage(tall.data(), tall.cols(), tall.rows(), 1, (int) tall.step());
                        try (BytePointer text = api.GetUTF8Text()) {
                            String raw = text.getString().replaceAll("[^A-Z0-9]", "");
                            tesseractNanos += System.nanoTime() - t;
                            tesseract += same(raw, label.plate()) ? 1 : 0;
                        }
                    }
                }
            }
            api.End();
        }
        int n = labels.size();
        System.out.printf(Locale.ROOT, "recogniser on labelled crops (%d): PP-OCRv4 %d exact (%.0f %%), %.1f ms; "
                + "Tesseract 5 %d exact (%.0f %%), %.1f ms%n", n, ours, 100.0 * ours / n, oursNanos / 1e6 / n,
                tesseract, 100.0 * tesseract / n, tesseractNanos / 1e6 / n);
    }

    /** O and 0 as one glyph: several of the labels write O where the plate's layout has a digit. */
    private static boolean same(String read, String label) {
        return read.replace('O', '0').equals(label.replace('O', '0'));
    }

    private static void endToEnd(Path folder, List<Label> labels, PlateReader reader) {
        int exact = 0;
        int exactO0 = 0;
        int located = 0;
        long nanos = 0;
        for (Label label : labels) {
            try (Mat photo = imread(folder.resolve(label.image()).toString())) {
                long t = System.nanoTime();
                List<PlateReader.Plate> plates = reader.read(photo, 0, 1);
                nanos += System.nanoTime() - t;
                String best = plates.isEmpty() ? "" : plates.get(0).text();
                exact += best.equals(label.plate()) ? 1 : 0;
                exactO0 += same(best, label.plate()) ? 1 : 0;
                located += !plates.isEmpty() && PlateReaderAccuracyTest.iou(plates.get(0).box(), label.box()) >= 0.5
                        ? 1 : 0;
            }
        }
        int n = labels.size();
        System.out.printf(Locale.ROOT, "end to end on %d photos: exact %d (%.1f %%), exact with O≡0 %d (%.1f %%), "
                + "located (IoU ≥ 0.5) %d (%.1f %%), %.1f ms a photo%n", n, exact, 100.0 * exact / n, exactO0,
                100.0 * exactO0 / n, located, 100.0 * located / n, nanos / 1e6 / n);
    }

    private static void frames(Path folder, PlateReader reader) {
        try (Mat photo = imread(folder.resolve("openalpr_eu_test_059.jpg").toString());
                Mat frame = new Mat(720, 1280, CV_8UC3, new Scalar(60, 60, 60, 0));
                Mat empty = new Mat(720, 1280, CV_8UC3, new Scalar(60, 60, 60, 0))) {
            try (Mat to = new Mat(frame, new Rect(400, 200, photo.cols(), photo.rows()))) {
                photo.copyTo(to);
            }
            for (int i = 0; i < 3; i++) {
                reader.read(frame, 0.6, 4); // warm-up
            }
            int rounds = 20;
            long with = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                reader.read(frame, 0.6, 4);
            }
            with = System.nanoTime() - with;
            long without = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                reader.read(empty, 0.6, 4);
            }
            without = System.nanoTime() - without;
            System.out.printf(Locale.ROOT, "a 1280×720 frame, one thread: %.1f ms with a plate, %.1f ms without "
                    + "(at the module's 5 fps: %.2f / %.2f of a core per camera)%n", with / 1e6 / rounds,
                    without / 1e6 / rounds, 5 * with / 1e9 / rounds, 5 * without / 1e9 / rounds);
        }
    }
}
