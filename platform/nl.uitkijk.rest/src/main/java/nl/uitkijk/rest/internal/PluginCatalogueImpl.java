package nl.uitkijk.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Collectors;
import nl.uitkijk.api.plugin.Plugin;
import nl.uitkijk.api.plugin.PluginCatalogue;
import nl.uitkijk.api.plugin.PluginEntry;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin catalogue from Karaf's feature repositories: each plugin feature (driver, recorder, analytics,
 * connector) in its newest version, its metadata read from its bundles' manifests ({@link Plugin}'s capability), the
 * {@code nl.uitkijk.api} packages they import, and each bundle's SHA-256 now against the one the build recorded
 * (a {@code .sha256} file beside the jar in the distribution's {@code system/} repository).
 */
@Component(service = {PluginCatalogue.class, PluginCatalogueImpl.class})
public class PluginCatalogueImpl implements PluginCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(PluginCatalogueImpl.class);
    /** Where a plugin bundle built with the SDK carries its SBOM. */
    static final String SBOM_ENTRY = "META-INF/sbom/bom.json";
    /** Where a plugin bundle carries the report of the conformance kit its build ran. */
    static final String CONFORMANCE_ENTRIES = "META-INF/conformance/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KINDS = List.of("driver", "recorder", "analytics", "connector");
    /** Libraries that plugins need, not plugins themselves. */
    private static final List<String> LIBRARIES = List.of("uitkijk-driver-base", "uitkijk-connector-base");

    private final FeaturesService features;
    private final Path system;

    @Activate
    public PluginCatalogueImpl(@Reference FeaturesService features) {
        this(features, Path.of(System.getProperty("karaf.home", "."), System.getProperty("karaf.default.repository",
                "system")));
    }

    PluginCatalogueImpl(FeaturesService features, Path system) {
        this.features = features;
        this.system = system;
    }

    /** The plugin kind of a feature name, or empty when it is not a plugin. */
    static Optional<String> kindOf(String featureName) {
        if (LIBRARIES.contains(featureName) || !featureName.startsWith("uitkijk-")) {
            return Optional.empty();
        }
        String rest = featureName.substring("uitkijk-".length());
        return KINDS.stream().filter(kind -> rest.startsWith(kind + "-") && rest.length() > kind.length() + 1)
                .findFirst();
    }

    /** Each plugin feature in its newest version (a repository may list several). */
    Map<String, Feature> plugins() {
        Comparator<Feature> byVersion = Comparator.comparing(feature -> Version.parseVersion(
                feature.getVersion().replace("-SNAPSHOT", ".SNAPSHOT")));
        try {
            return Arrays.stream(features.listFeatures())
                    .filter(feature -> !feature.isHidden() && kindOf(feature.getName()).isPresent())
                    .collect(Collectors.toMap(Feature::getName, feature -> feature, BinaryOperator.maxBy(byVersion)));
        } catch (Exception e) {
            throw new IllegalStateException("the feature repositories cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public List<PluginEntry> entries() {
        return plugins().values().stream().map(this::entry).sorted(Comparator.comparing(PluginEntry::kind)
                .thenComparing(PluginEntry::name)).toList();
    }

    @Override
    public Optional<PluginEntry> entry(String featureName) {
        return Optional.ofNullable(plugins().get(featureName)).map(this::entry);
    }

    @Override
    public List<PluginEntry.Artifact> mismatches(String featureName) {
        return entry(featureName).map(entry -> entry.artifacts().stream().filter(a -> a.recordedSha256() != null
                && !a.verified()).toList()).orElse(List.of());
    }

    private PluginEntry entry(Feature feature) {
        List<PluginEntry.Artifact> artifacts = new ArrayList<>();
        ManifestClauses.Clause metadata = null;
        List<String> apiPackages = new ArrayList<>();
        List<PluginEntry.Component> components = new ArrayList<>();
        PluginEntry.Conformance conformance = null;
        for (BundleInfo bundle : feature.getBundles()) {
            String location = bundle.getLocation().strip();
            Optional<Path> file = file(location);
            artifacts.add(new PluginEntry.Artifact(location, file.flatMap(PluginCatalogueImpl::recorded).orElse(null),
                    sha256(location, file)));
            Optional<JarContent> content = read(location, file);
            if (content.isEmpty()) {
                continue;
            }
            components.addAll(content.get().components());
            if (conformance == null) {
                conformance = content.get().conformance();
            }
            var main = content.get().manifest().getMainAttributes();
            for (ManifestClauses.Clause capability : ManifestClauses.parse(main.getValue("Provide-Capability"))) {
                if (capability.path().equals(Plugin.NAMESPACE) && metadata == null) {
                    metadata = capability;
                }
            }
            for (ManifestClauses.Clause imported : ManifestClauses.parse(main.getValue("Import-Package"))) {
                if (imported.path().startsWith("nl.uitkijk.api")) {
                    String range = imported.text("version");
                    apiPackages.add(imported.path() + (range.isEmpty() ? "" : " " + range));
                }
            }
        }
        String kind = metadata != null && !metadata.text("kind").isEmpty() ? metadata.text("kind")
                : kindOf(feature.getName()).orElse("");
        ManifestClauses.Clause m = metadata;
        return new PluginEntry(feature.getName(), kind, feature.getVersion(), m == null ? feature.getDescription()
                : m.text("summary"), m == null ? "" : m.text("vendor"), m == null ? "" : m.text("licence"),
                m == null ? List.of() : m.list("personalData"), m == null ? List.of() : m.list("protocols"),
                m == null ? List.of() : m.list("models"), m == null ? "" : m.text("securityContact"), m != null,
                features.isInstalled(feature), apiPackages.stream().distinct().sorted().toList(), artifacts,
                components.stream().distinct().toList(), conformance);
    }

    /** The jar of a {@code mvn:} location in the distribution's own repository, if it is there. */
    Optional<Path> file(String location) {
        String mvn = location.startsWith("wrap:") ? location.substring(5) : location;
        int options = mvn.indexOf('$');
        if (options >= 0) {
            mvn = mvn.substring(0, options);
        }
        if (!mvn.startsWith("mvn:")) {
            return Optional.empty();
        }
        String[] parts = mvn.substring(4).split("/");
        if (parts.length < 3) {
            return Optional.empty();
        }
        String type = parts.length > 3 && !parts[3].isEmpty() ? parts[3] : "jar";
        String classifier = parts.length > 4 && !parts[4].isEmpty() ? "-" + parts[4] : "";
        Path jar = system.resolve(parts[0].replace('.', '/')).resolve(parts[1]).resolve(parts[2])
                .resolve(parts[1] + "-" + parts[2] + classifier + "." + type);
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    /** The SHA-256 the build wrote beside the jar ({@code <jar>.sha256}: the hex digest, maybe a file name after it). */
    private static Optional<String> recorded(Path jar) {
        Path sidecar = jar.resolveSibling(jar.getFileName() + ".sha256");
        try {
            String text = Files.readString(sidecar, StandardCharsets.US_ASCII).strip();
            String digest = text.split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
            return digest.matches("[0-9a-f]{64}") ? Optional.of(digest) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String sha256(String location, Optional<Path> file) {
        try (InputStream in = open(location, file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            LOG.debug("{} cannot be read: {}", location, e.getMessage());
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A bundle's manifest, the components of the SBOM it carries and its build's conformance report. */
    private record JarContent(Manifest manifest, List<PluginEntry.Component> components,
            PluginEntry.Conformance conformance) {
    }

    private static Optional<JarContent> read(String location, Optional<Path> file) {
        try (JarInputStream jar = new JarInputStream(open(location, file))) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                return Optional.empty();
            }
            List<PluginEntry.Component> components = List.of();
            PluginEntry.Conformance conformance = null;
            for (var entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                if (entry.getName().equals(SBOM_ENTRY)) {
                    components = components(JSON.readTree(jar.readAllBytes()));
                } else if (entry.getName().startsWith(CONFORMANCE_ENTRIES) && entry.getName().endsWith(".json")) {
                    conformance = conformance(JSON.readTree(jar.readAllBytes()));
                }
            }
            return Optional.of(new JarContent(manifest, components, conformance));
        } catch (IOException e) {
            LOG.debug("{} cannot be read: {}", location, e.getMessage());
            return Optional.empty();
        }
    }

    /** A conformance kit's JSON report (the kits of the test kit all write these fields). */
    static PluginEntry.Conformance conformance(JsonNode report) {
        List<PluginEntry.Conformance.Check> checks = new ArrayList<>();
        for (JsonNode check : report.path("checks")) {
            checks.add(new PluginEntry.Conformance.Check(check.path("check").asText(), check.path("result").asText(),
                    check.path("detail").asText("")));
        }
        Map<String, Object> measured = report.path("measured").isObject() ? JSON.convertValue(report.get("measured"),
                new TypeReference<Map<String, Object>>() { }) : Map.of();
        return new PluginEntry.Conformance(report.path("kit").asText(), report.path("at").asText(), report
                .path("passed").asBoolean(false), checks, measured);
    }

    /** The components of a CycloneDX document with their licences (SPDX id, else name, else expression). */
    static List<PluginEntry.Component> components(JsonNode bom) {
        List<PluginEntry.Component> components = new ArrayList<>();
        for (JsonNode component : bom.path("components")) {
            List<String> licences = new ArrayList<>();
            for (JsonNode choice : component.path("licenses")) {
                JsonNode licence = choice.path("license");
                String named = licence.path("id").asText(licence.path("name").asText(choice.path("expression")
                        .asText("")));
                if (!named.isEmpty()) {
                    licences.add(named);
                }
            }
            String group = component.path("group").asText("");
            components.add(new PluginEntry.Component((group.isEmpty() ? "" : group + ":") + component.path("name")
                    .asText(), component.path("version").asText(""), licences));
        }
        return components;
    }

    /** The jar from the distribution's repository, else through Karaf's URL handlers (mvn:, wrap:, file:). */
    private static InputStream open(String location, Optional<Path> file) throws IOException {
        return file.isPresent() ? Files.newInputStream(file.get()) : new URL(location).openStream();
    }
}
