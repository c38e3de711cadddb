package nl.uitkijk.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.uitkijk.api.analytics.AnalyticsModule;
import org.opentest4j.TestAbortedException;

/**
 * The analytics conformance kit on an installed module, as a running installation's certification runs it with
 * {@link KitRun}: the module service the plugin's bundle registered, the real clip from the test kit's data folder.
 * Which configuration a module must refuse only its own test knows, so that part of the configuration check does
 * not apply here (its defaults are still checked).
 */
public class BenchAnalyticsConformance extends AnalyticsConformance {

    private final AnalyticsModule module;
    private final Path clip;

    /**
     * @throws IllegalStateException when the test data folder has no {@value AnalyticsConformance#CLIP}
     */
    public BenchAnalyticsConformance(AnalyticsModule module, Path testData) {
        this.module = module;
        this.clip = testData.resolve(CLIP);
        if (!Files.isRegularFile(clip)) {
            throw new IllegalStateException("the analytics kit runs a module on the real CCTV clip of the test kit's "
                    + "data, and " + clip + " is not there");
        }
    }

    @Override
    protected AnalyticsModule module() {
        return module;
    }

    @Override
    protected Map<String, Object> invalidConfig() {
        throw new TestAbortedException("which configuration this module must refuse is known to its own test, not "
                + "to an installation; its defaults were accepted");
    }

    @Override
    protected Path clip() {
        return clip;
    }
}
