package nl.uitkijk.api.plugin;

import java.util.List;
import java.util.Map;

/**
 * One plugin as the catalogue shows it.
 *
 * @param name the Karaf feature ({@code uitkijk-driver-onvif})
 * @param kind from its metadata, else from the feature's name
 * @param metadataDeclared whether its bundle carries {@link Plugin} metadata (a plugin built without the SDK's
 *        build check may not)
 * @param apiPackages the {@code nl.uitkijk.api} packages it imports with their version ranges
 * @param artifacts each bundle of the feature with its checksum as recorded by the build and as found now
 * @param components what its bundles were built with, with their licences, from the SBOM (CycloneDX) each bundle
 *        carries at {@code META-INF/sbom/bom.json}; empty for a bundle without one
 * @param conformance the report of the conformance kit its build ran ({@code META-INF/conformance/}), or
 *        {@code null} when none was run (no kit for its kind yet, or built without tests)
 */
public record PluginEntry(String name, String kind, String version, String summary, String vendor, String licence,
        List<String> personalData, List<String> protocols, List<String> models, String securityContact,
        boolean metadataDeclared, boolean installed, List<String> apiPackages, List<Artifact> artifacts,
        List<Component> components, Conformance conformance) {

    public PluginEntry {
        personalData = List.copyOf(personalData);
        protocols = List.copyOf(protocols);
        models = List.copyOf(models);
        apiPackages = List.copyOf(apiPackages);
        artifacts = List.copyOf(artifacts);
        components = List.copyOf(components);
    }

    /**
     * A conformance report: the kit and its version, when it ran, whether every check passed, each check's result
     * ({@code passed}, {@code failed}, {@code not applicable}) with its detail, and what the plugin cost while the
     * kit ran ({@code measured}: per camera online for drivers, per alarm for connectors, per frame for analytics,
     * per second of video for recorders; names such as {@code cpuPercentOfOneCore}, {@code heapKiB},
     * {@code cpuMillisPerAlarm}, {@code cpuMillisPerFrame}, {@code storedBytesPerSecond}).
     */
    public record Conformance(String kit, String at, boolean passed, List<Check> checks, Map<String, Object> measured) {
        public Conformance {
            checks = List.copyOf(checks);
            measured = Map.copyOf(measured);
        }

        /** A report without measurements. */
        public Conformance(String kit, String at, boolean passed, List<Check> checks) {
            this(kit, at, passed, checks, Map.of());
        }

        public record Check(String check, String result, String detail) {
        }
    }

    /** A component of the SBOM: {@code group:name}, its version and its licences (SPDX ids or names). */
    public record Component(String name, String version, List<String> licences) {
        public Component {
            licences = List.copyOf(licences);
        }
    }

    /**
     * @param recordedSha256 the SHA-256 the build recorded ({@code null}: none recorded)
     * @param actualSha256 the SHA-256 of the artifact as it is now ({@code null}: not found)
     */
    public record Artifact(String location, String recordedSha256, String actualSha256) {
        public boolean verified() {
            return recordedSha256 != null && recordedSha256.equalsIgnoreCase(String.valueOf(actualSha256));
        }
    }

    /** Whether every artifact matches the checksum the build recorded. */
    public boolean intact() {
        return !artifacts.isEmpty() && artifacts.stream().allMatch(Artifact::verified);
    }
}
