package ${package};

import java.util.Map;
import java.util.Set;
import nl.uitkijk.api.analytics.AnalyticsModule;
import nl.uitkijk.api.analytics.FrameAnalyzer;
import nl.uitkijk.api.analytics.FrameRequirements;
import nl.uitkijk.api.analytics.PersonalData;
import nl.uitkijk.api.media.VideoFrame.PixelFormat;
import org.osgi.service.component.annotations.Component;

/**
 * The ${name} analytics module. To start from it finds camera tamper: a lens covered, sprayed or blinded leaves a
 * picture without contrast, so a picture whose brightness hardly varies for a few frames in a row is an episode of
 * type {@code tamper}. Replace the analysis with your own; keep the contract the conformance kit checks.
 */
@nl.uitkijk.api.plugin.Plugin(kind = "analytics", vendor = "${nameClass}", licence = "Apache-2.0", // your SPDX licence
        personalData = {"IMAGES"}, protocols = {}, models = {},
        securityContact = "security@${name}.example", // where a vulnerability is reported: your real address
        summary = "${nameClass} video analysis") // add PERSONS, TRACKS or LICENCE_PLATES if it finds them
@Component(service = AnalyticsModule.class, property = AnalyticsModule.MODULE_ID + "=${name}")
public class ${nameClass}Module implements AnalyticsModule {

    @Override
    public String id() {
        return "${name}";
    }

    @Override
    public String label() {
        return "${nameClass}: camera tamper";
    }

    /** Gray pictures, 2 a second, 160 wide: enough to see a covered lens. */
    @Override
    public FrameRequirements requirements() {
        return new FrameRequirements(2, 160, PixelFormat.GRAY8);
    }

    /** It looks at the picture as a whole and singles nobody out. */
    @Override
    public Set<PersonalData> personalData() {
        return Set.of(PersonalData.NONE);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("tamper");
    }

    @Override
    public void validate(Map<String, Object> config) {
        ${nameClass}Settings.parse(config);
    }

    @Override
    public FrameAnalyzer create(String cameraId, Map<String, Object> config) {
        return new ${nameClass}Analyzer(${nameClass}Settings.parse(config));
    }
}
