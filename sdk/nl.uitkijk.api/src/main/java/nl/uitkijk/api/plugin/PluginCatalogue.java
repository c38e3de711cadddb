package nl.uitkijk.api.plugin;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The plugins of this installation: installed, and available in its feature repositories (a service). */
@ProviderType
public interface PluginCatalogue {

    /** Every plugin feature in its newest version, by kind and name. */
    List<PluginEntry> entries();

    Optional<PluginEntry> entry(String featureName);

    /**
     * Checks each artifact of the plugin feature against the SHA-256 the build recorded for it.
     *
     * @return the artifacts that do not match (or have no recorded checksum), empty when all match
     */
    List<PluginEntry.Artifact> mismatches(String featureName);
}
