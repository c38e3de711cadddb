package nl.uitkijk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** A plugin's API needs against what the installation exports, as semantic versioning reads them. */
class ApiCompatibilityTest {

    private static final Map<String, Version> INSTALLED = Map.of("nl.uitkijk.api.camera", new Version(1, 6, 0),
            "nl.uitkijk.api.media", new Version(1, 2, 0));

    @Test
    void aPluginBuiltAgainstAnOlderMinorRunsOnANewerOne() {
        assertEquals(List.of(), ApiCompatibility.unmet(List.of("nl.uitkijk.api.camera [1.5,2)",
                "nl.uitkijk.api.media [1.2,2)"), INSTALLED));
    }

    @Test
    void aNewerMinorOrAnotherMajorIsNamedWithWhatIsInstalled() {
        assertEquals(List.of("nl.uitkijk.api.camera [1.7.0,2.0.0): the installed API has 1.6.0",
                "nl.uitkijk.api.media [2.0.0,3.0.0): the installed API has 1.2.0"), ApiCompatibility.unmet(
                        List.of("nl.uitkijk.api.camera [1.7,2)", "nl.uitkijk.api.media [2.0,3)"), INSTALLED));
    }

    @Test
    void aPackageTheInstallationDoesNotHaveIsNamed() {
        assertEquals(List.of("nl.uitkijk.api.lpr [1.0.0,2.0.0): not in the installed API"), ApiCompatibility.unmet(
                List.of("nl.uitkijk.api.lpr [1.0,2)"), INSTALLED));
    }
}
