package nl.uitkijk.analytics.motion.internal;

import java.util.Map;
import java.util.Set;
import nl.uitkijk.api.analytics.AnalyticsModule;
import nl.uitkijk.api.analytics.FrameAnalyzer;
import nl.uitkijk.api.analytics.FrameRequirements;
import nl.uitkijk.api.analytics.PersonalData;
import nl.uitkijk.api.media.VideoFrame.PixelFormat;
import org.osgi.service.component.annotations.Component;

/**
 * Motion detection: gray pictures, 5 a second, 320 wide are enough to see people and cars move and cheap enough for
 * dozens of cameras. Processes no personal data (it singles nobody out), so any designation permits it.
 */
@nl.uitkijk.api.plugin.Plugin(kind = "analytics", vendor = "Uitkijk", licence = "EPL-2.0", personalData = {"IMAGES"},
        protocols = {}, models = {}, securityContact = "SECURITY.md",
        summary = "Motion in zones (OpenCV MOG2), the motion grid for search; no persons or plates")
@Component(service = AnalyticsModule.class, property = AnalyticsModule.MODULE_ID + "=motion")
public class MotionModule implements AnalyticsModule {

    @Override
    public String id() {
        return "motion";
    }

    @Override
    public String label() {
        return "Motion (OpenCV MOG2)";
    }

    @Override
    public FrameRequirements requirements() {
        return new FrameRequirements(5, 320, PixelFormat.GRAY8);
    }

    @Override
    public Set<PersonalData> personalData() {
        return Set.of(PersonalData.NONE);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("motion");
    }

    /** Checks without touching OpenCV. */
    @Override
    public void validate(Map<String, Object> config) {
        MotionConfig.parse(config);
    }

    /** @throws IllegalArgumentException naming the setting that is wrong */
    @Override
    public FrameAnalyzer create(String cameraId, Map<String, Object> config) {
        return new MotionAnalyzer(MotionConfig.parse(config));
    }
}
