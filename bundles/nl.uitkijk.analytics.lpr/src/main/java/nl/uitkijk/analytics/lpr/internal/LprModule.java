package nl.uitkijk.analytics.lpr.internal;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.uitkijk.api.analytics.AnalyticsModule;
import nl.uitkijk.api.analytics.FrameAnalyzer;
import nl.uitkijk.api.analytics.FrameRequirements;
import nl.uitkijk.api.analytics.PersonalData;
import nl.uitkijk.api.lpr.PlateRead;
import nl.uitkijk.api.lpr.PlateRecognizer;
import nl.uitkijk.api.media.VideoFrame.PixelFormat;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Licence-plate recognition with PP-OCR on ONNX Runtime (models from RapidOCR's Maven artifact, inside this bundle):
 * up to 5 colour pictures a second, up to 1280 wide. Plates identify people, so a designation must permit
 * {@link PersonalData#LICENCE_PLATES}. Also reads stills for {@code POST /api/v1/lpr/read}.
 */
@nl.uitkijk.api.plugin.Plugin(kind = "analytics", vendor = "Uitkijk", licence = "EPL-2.0", personalData = {"IMAGES", "LICENCE_PLATES"},
        protocols = {}, models = {}, securityContact = "SECURITY.md",
        summary = "Licence-plate recognition (PP-OCR on ONNX Runtime) against a hotlist; no-hits not kept")
@Component(service = { AnalyticsModule.class, PlateRecognizer.class },
        property = AnalyticsModule.MODULE_ID + "=lpr")
public class LprModule implements AnalyticsModule, PlateRecognizer {

    /** Smaller than this holds no readable plate. */
    static final int MIN_SIDE = 32;
    /** More than this is no camera still; a forged header must not make the decoder allocate gigabytes. */
    static final long MAX_PIXELS = 50_000_000;
    private static final int MAX_STILL_PLATES = 8;

    private final PlateReader reader;

    @Activate
    public LprModule() {
        reader = new PlateReader(1);
    }

    @Deactivate
    void deactivate() {
        reader.close();
    }

    @Override
    public String id() {
        return "lpr";
    }

    @Override
    public String label() {
        return "Licence plates: read, checked against the hotlist (PP-OCR)";
    }

    @Override
    public FrameRequirements requirements() {
        return new FrameRequirements(5, 1280, PixelFormat.BGR24);
    }

    @Override
    public Set<PersonalData> personalData() {
        return Set.of(PersonalData.LICENCE_PLATES);
    }

    @Override
    public void validate(Map<String, Object> config) {
        LprConfig.parse(config);
    }

    @Override
    public FrameAnalyzer create(String cameraId, Map<String, Object> config) {
        return new LprAnalyzer(reader, LprConfig.parse(config));
    }

    @Override
    public List<PlateRead> read(byte[] image) {
        if (image == null || image.length == 0) {
            throw new IllegalArgumentException("the picture is empty");
        }
        StillSize.check(image, MIN_SIDE, MAX_PIXELS);
        try (BytePointer bytes = new BytePointer(image); Mat encoded = new Mat(1, image.length,
                org.bytedeco.opencv.global.opencv_core.CV_8U, bytes); Mat picture = imdecode(encoded, IMREAD_COLOR)) {
            if (picture == null || picture.empty()) {
                throw new IllegalArgumentException("not a JPEG or PNG picture that decodes");
            }
            if (picture.cols() < MIN_SIDE || picture.rows() < MIN_SIDE) {
                throw new IllegalArgumentException("the picture is " + picture.cols() + "×" + picture.rows()
                        + " pixels: too small to hold a plate (at least " + MIN_SIDE + "×" + MIN_SIDE + ")");
            }
            return reader.read(picture, 0.5, MAX_STILL_PLATES).stream()
                    .map(p -> new PlateRead(p.text(), p.formatted(), p.sidecode(), p.country(),
                            Math.min(1, p.confidence()), p.box().x(), p.box().y(), p.box().width(),
                            p.box().height()))
                    .toList();
        }
    }
}
