package nl.uitkijk.analytics.people.internal;

import java.util.Map;
import java.util.Set;
import nl.uitkijk.api.analytics.AnalyticsModule;
import nl.uitkijk.api.analytics.FrameAnalyzer;
import nl.uitkijk.api.analytics.FrameRequirements;
import nl.uitkijk.api.analytics.PersonalData;
import nl.uitkijk.api.media.VideoFrame.PixelFormat;
import org.osgi.service.component.annotations.Component;

/**
 * People: persons detected (OpenCV HOG, no model file) and followed, counted per zone, with crowd, loitering and
 * line-crossing rules. Colour pictures, 2 a second, up to 768 wide: enough to find people some 60 pixels tall in a
 * CCTV picture. It singles persons out, so a designation must permit {@link PersonalData#PERSONS}; with loitering
 * or line rules it follows them over time, and the designation must permit {@link PersonalData#TRACKS} too.
 */
@nl.uitkijk.api.plugin.Plugin(kind = "analytics", vendor = "Uitkijk", licence = "EPL-2.0", personalData = {"IMAGES", "PERSONS", "TRACKS"},
        protocols = {}, models = {}, securityContact = "SECURITY.md",
        summary = "People counting, crowd, loitering and line crossing (OpenCV HOG and a tracker)")
@Component(service = AnalyticsModule.class, property = AnalyticsModule.MODULE_ID + "=people")
public class PeopleModule implements AnalyticsModule {

    @Override
    public String id() {
        return "people";
    }

    @Override
    public String label() {
        return "People: count, crowd, loitering, line crossing (OpenCV HOG)";
    }

    @Override
    public FrameRequirements requirements() {
        return new FrameRequirements(2, 768, PixelFormat.BGR24);
    }

    @Override
    public Set<PersonalData> personalData() {
        return Set.of(PersonalData.PERSONS, PersonalData.TRACKS);
    }

    /**
     * Counting and crowds need persons, not their tracks: only loitering and line rules follow a person over time.
     * Without them a designation that permits {@code PERSONS} is enough, and no track ids are stored.
     */
    @Override
    public Set<PersonalData> personalData(Map<String, Object> config) {
        return PeopleConfig.parse(config).tracks() ? personalData() : Set.of(PersonalData.PERSONS);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("crowd", "loitering", "line-crossing");
    }

    @Override
    public void validate(Map<String, Object> config) {
        PeopleConfig.parse(config);
    }

    /** @throws IllegalArgumentException naming the setting that is wrong */
    @Override
    public FrameAnalyzer create(String cameraId, Map<String, Object> config) {
        PeopleConfig parsed = PeopleConfig.parse(config);
        HogPersonDetector detector = new HogPersonDetector(parsed.upscale(), parsed.minScore());
        return new PeopleAnalyzer(parsed, detector::detect, detector);
    }
}
