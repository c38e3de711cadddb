package nl.uitkijk.core.internal.privacy;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.privacy.PrivacyMasks.Mask;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * A camera's masks drawn as a binary picture of a given size (255 where masked), made once per size and kept: the
 * video, still and export paths paint through it. The masks are grown by a pixel all round and drawn with their
 * edges included, so no row of unmasked pixels survives at a mask's border after scaling.
 */
final class MaskShapes implements AutoCloseable {

    static final int MAX_MASKS = 32;
    static final int MAX_POINTS = 64;

    private final List<Mask> masks;
    private final Map<Long, Mat> bySize = new ConcurrentHashMap<>();

    MaskShapes(List<Mask> masks) {
        this.masks = List.copyOf(masks);
    }

    List<Mask> masks() {
        return masks;
    }

    boolean isEmpty() {
        return masks.isEmpty();
    }

    /** 255 where masked, 0 elsewhere; owned by this object (do not close). */
    Mat at(int width, int height) {
        return bySize.computeIfAbsent(((long) width << 32) | height, key -> draw(width, height));
    }

    private Mat draw(int width, int height) {
        Mat mask = new Mat(height, width, CV_8U, new Scalar(0));
        try (MatVector polygons = new MatVector(masks.size())) {
            for (int i = 0; i < masks.size(); i++) {
                List<double[]> points = masks.get(i).polygon();
                Mat polygon = new Mat(points.size(), 1, org.bytedeco.opencv.global.opencv_core.CV_32SC2);
                org.bytedeco.javacpp.indexer.IntIndexer ix = polygon.createIndexer();
                for (int p = 0; p < points.size(); p++) {
                    ix.put(p, 0, 0, (int) Math.round(points.get(p)[0] * width));
                    ix.put(p, 0, 1, (int) Math.round(points.get(p)[1] * height));
                }
                ix.close();
                polygons.put(i, polygon);
            }
            fillPoly(mask, polygons, new Scalar(255), LINE_8, 0, new Point());
            // the outline too, a pixel wide: rounding must never leave an unmasked seam
            org.bytedeco.opencv.global.opencv_imgproc.polylines(mask, polygons, true, new Scalar(255), 2, LINE_8, 0);
        }
        return mask;
    }

    /**
     * Checks masks as given over REST.
     *
     * @throws InvalidCameraException naming {@code masks[i].polygon[j]}
     */
    static List<Mask> validated(List<Mask> masks) throws InvalidCameraException {
        List<ConfigProblem> problems = new ArrayList<>();
        if (masks == null) {
            throw new InvalidCameraException(List.of(new ConfigProblem("masks", "required: a list (empty for none)")));
        }
        if (masks.size() > MAX_MASKS) {
            problems.add(new ConfigProblem("masks", "at most " + MAX_MASKS));
        }
        for (int i = 0; i < masks.size(); i++) {
            Mask mask = masks.get(i);
            String field = "masks[" + i + "].polygon";
            if (mask == null || mask.polygon() == null || mask.polygon().size() < 3
                    || mask.polygon().size() > MAX_POINTS) {
                problems.add(new ConfigProblem(field, "3 to " + MAX_POINTS + " points [x, y] in 0..1"));
                continue;
            }
            for (int p = 0; p < mask.polygon().size(); p++) {
                double[] point = mask.polygon().get(p);
                if (point == null || point.length != 2 || !(point[0] >= 0 && point[0] <= 1)
                        || !(point[1] >= 0 && point[1] <= 1)) {
                    problems.add(new ConfigProblem(field + "[" + p + "]", "a point [x, y], both in 0..1"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCameraException(problems);
        }
        return List.copyOf(masks);
    }

    @Override
    public void close() {
        bySize.values().forEach(Mat::close);
        bySize.clear();
    }
}
