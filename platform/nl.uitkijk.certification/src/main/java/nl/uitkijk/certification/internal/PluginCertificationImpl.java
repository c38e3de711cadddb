package nl.uitkijk.certification.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import nl.uitkijk.api.analytics.AnalyticsModule;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.api.connector.ConnectorKind;
import nl.uitkijk.api.connector.ControlRooms;
import nl.uitkijk.api.plugin.Plugin;
import nl.uitkijk.api.plugin.PluginCertification;
import nl.uitkijk.api.plugin.PluginEntry;
import nl.uitkijk.testkit.AnalyticsConformance;
import nl.uitkijk.testkit.BenchAnalyticsConformance;
import nl.uitkijk.testkit.BenchConnectorConformance;
import nl.uitkijk.testkit.BenchDriverConformance;
import nl.uitkijk.testkit.CameraBench;
import nl.uitkijk.testkit.ConnectorBench;
import nl.uitkijk.testkit.KitRun;
import nl.uitkijk.testkit.TestData;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certifies an installed plugin: finds its bundle and service, runs the SDK's conformance kit on it with
 * {@link KitRun} against a bench of the test kit's simulators or receivers on loopback (a driver: its registered
 * service; a connector: instances made through the platform's {@link ControlRooms}), wraps the kit's report with
 * what was certified (the feature, its bundles and their versions) and signs it with the {@link InstallationKey}.
 * The signed report and its signature are kept as two files per plugin, to hand over and check elsewhere.
 */
@Component(service = PluginCertification.class, configurationPid = "nl.uitkijk.certification")
@Designate(ocd = PluginCertificationImpl.Config.class)
public class PluginCertificationImpl implements PluginCertification {

    @ObjectClassDefinition(name = "Uitkijk plugin certification",
            description = "Where the installation's signing key and the signed conformance reports are kept")
    public @interface Config {
        @AttributeDefinition(name = "Directory", description = "Empty: certification/ in Karaf's data directory")
        String directory() default "";

        @AttributeDefinition(name = "Test data", description = "The test kit's data folder (the ONVIF simulator "
                + "serves captured replies of real cameras from its onvif/responses). Empty: the system property "
                + "uitkijk.testdata, else testdata/ in the certification directory")
        String testData() default "";
    }

    private static final Logger LOG = LoggerFactory.getLogger(PluginCertificationImpl.class);
    /** Feature names as Karaf has them; anything else never reaches the file system. */
    private static final Pattern FEATURE_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");
    /** The end of every refusal: what a tender team reads instead. */
    private static final String BUILD_REPORT_STANDS = "; its build's conformance report is in the catalogue";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final FeaturesService features;
    private final ControlRooms controlRooms;
    private final BundleContext context;
    private final Path directory;
    private final Path testData;
    private final AtomicBoolean running = new AtomicBoolean();
    private InstallationKey key;

    @Activate
    public PluginCertificationImpl(@Reference FeaturesService features, @Reference ControlRooms controlRooms,
            BundleContext context, Config config) {
        this(features, controlRooms, context, config.directory().isBlank() ? Path.of(System.getProperty("karaf.data",
                "data"), "certification") : Path.of(config.directory()), config.testData());
    }

    PluginCertificationImpl(FeaturesService features, ControlRooms controlRooms, BundleContext context, Path directory,
            String testData) {
        this.features = features;
        this.controlRooms = controlRooms;
        this.context = context;
        this.directory = directory;
        this.testData = !testData.isBlank() ? Path.of(testData) : System.getProperty(TestData.PROPERTY) != null
                ? Path.of(System.getProperty(TestData.PROPERTY)) : directory.resolve("testdata");
    }

    @Override
    public Certificate certify(String featureName) {
        Feature feature = installed(featureName);
        PluginBundle plugin = pluginBundle(feature);
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("a certification is running; one at a time");
        }
        try (KitOnBench run = switch (plugin.kind()) {
            case "driver" -> driverRun(featureName, plugin);
            case "connector" -> connectorRun(featureName, plugin);
            case "analytics" -> analyticsRun(featureName, plugin);
            default -> throw new IllegalStateException(featureName + " is a " + plugin.kind() + " plugin: an "
                    + "installation certifies camera drivers, control-room connectors and analytics modules today"
                    + BUILD_REPORT_STANDS);
        }) {
            LOG.info("Certifying {} against the test kit's {}", featureName, run.bench());
            String kitReport = KitRun.run(run.kit());
            return store(featureName, wrap(feature, plugin, run.bench(), kitReport));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the conformance kit could not run: " + e.getMessage(), e);
        } finally {
            running.set(false);
        }
    }

    /** A kit ready to run, what it runs against (for the report), and what to clean up after. */
    private record KitOnBench(Object kit, String bench, AutoCloseable cleanUp) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            cleanUp.close();
        }
    }

    private static <T> ServiceReference<T> registered(String featureName, PluginBundle plugin, Class<T> type,
            String what) {
        return plugin.service(type).orElseThrow(() -> new IllegalStateException(featureName + " is installed but its "
                + what + " is not registered (is the bundle active?)"));
    }

    private KitOnBench driverRun(String featureName, PluginBundle plugin) {
        ServiceReference<CameraDriver> reference = registered(featureName, plugin, CameraDriver.class, "driver");
        CameraBench bench = bench(featureName, plugin.protocols());
        CameraDriver driver = context.getService(reference);
        return new KitOnBench(new BenchDriverConformance(driver, bench), bench.protocol() + " simulators of the "
                + "Uitkijk test kit on loopback", () -> {
                    bench.close();
                    context.ungetService(reference);
                });
    }

    private KitOnBench connectorRun(String featureName, PluginBundle plugin) {
        ServiceReference<ConnectorKind> reference = registered(featureName, plugin, ConnectorKind.class,
                "connector kind");
        ConnectorKind kind = context.getService(reference);
        try {
            String name = kind.kind();
            ConnectorBench bench = ConnectorBench.forKind(name).orElseThrow(() -> new IllegalStateException(
                    featureName + " is a connector of kind '" + name + "': the test kit has receivers for webhook "
                            + "and DC-09 in an installation" + BUILD_REPORT_STANDS));
            PlatformConnectors connectors = new PlatformConnectors(controlRooms, context, name);
            return new KitOnBench(new BenchConnectorConformance(name, bench, connectors), "a " + name
                    + " receiver of the Uitkijk test kit on loopback; connector instances made through the platform, "
                    + "routed no real alarm", connectors);
        } finally {
            context.ungetService(reference);
        }
    }

    private KitOnBench analyticsRun(String featureName, PluginBundle plugin) {
        ServiceReference<AnalyticsModule> reference = registered(featureName, plugin, AnalyticsModule.class,
                "module");
        AnalyticsModule module = context.getService(reference);
        try {
            return new KitOnBench(new BenchAnalyticsConformance(module, testData), "the real CCTV clip "
                    + AnalyticsConformance.CLIP + " of the Uitkijk test kit's data", () -> context.ungetService(
                            reference));
        } catch (IllegalStateException noClip) {
            context.ungetService(reference);
            throw missingTestData(featureName, noClip);
        }
    }

    private static IllegalStateException missingTestData(String featureName, IllegalStateException missing) {
        return new IllegalStateException(featureName + ": " + missing.getMessage() + " (testData in "
                + "etc/nl.uitkijk.certification.cfg names the test kit's data folder)", missing);
    }

    private CameraBench bench(String featureName, List<String> protocols) {
        Optional<CameraBench> bench;
        try {
            bench = CameraBench.forProtocols(protocols, testData);
        } catch (IllegalStateException incomplete) {
            throw missingTestData(featureName, incomplete);
        }
        return bench.orElseThrow(() -> new IllegalStateException(featureName + " speaks " + protocols + ": the test "
                + "kit simulates ONVIF and Hikvision ISAPI cameras in an installation" + BUILD_REPORT_STANDS));
    }

    @Override
    public Optional<Certificate> certificate(String featureName) {
        if (!FEATURE_NAME.matcher(featureName).matches()) {
            return Optional.empty();
        }
        Path report = reportFile(featureName);
        Path signature = signatureFile(featureName);
        if (!Files.exists(report) || !Files.exists(signature)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(report, StandardCharsets.UTF_8);
            String signed = Files.readString(signature, StandardCharsets.US_ASCII).strip();
            InstallationKey installation = key();
            boolean intact = installation.verifies(text, signed);
            JsonNode tree = parsed(text);
            return Optional.of(new Certificate(featureName, tree.path("at").asText(""), intact && tree.path("passed")
                    .asBoolean(false), text, signed, installation.fingerprint(), intact, conformance(tree)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the certificate of " + featureName + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String publicKeyPem() {
        try {
            return key().publicKeyPem();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the installation's key cannot be read: " + e.getMessage(), e);
        }
    }

    private synchronized InstallationKey key() throws IOException, GeneralSecurityException {
        if (key == null) {
            key = InstallationKey.in(directory);
        }
        return key;
    }

    private Feature installed(String featureName) {
        if (featureName == null || !FEATURE_NAME.matcher(featureName).matches()) {
            throw new NoSuchElementException("not a feature name: " + featureName);
        }
        try {
            for (Feature feature : features.listInstalledFeatures()) {
                if (feature.getName().equals(featureName)) {
                    return feature;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("the installed features cannot be read: " + e.getMessage(), e);
        }
        throw new NoSuchElementException(featureName + " is not installed");
    }

    /** The feature's bundle that declares the plugin metadata, with its kind and protocols. */
    private PluginBundle pluginBundle(Feature feature) {
        for (BundleInfo info : feature.getBundles()) {
            Bundle bundle = context.getBundle(info.getLocation().strip());
            if (bundle == null) {
                continue;
            }
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities(Plugin.NAMESPACE)) {
                Map<String, Object> attributes = capability.getAttributes();
                return new PluginBundle(bundle, String.valueOf(attributes.getOrDefault("kind", "")),
                        strings(attributes.get("protocols")));
            }
        }
        throw new IllegalStateException(feature.getName() + " carries no plugin metadata (no bundle declares the "
                + Plugin.NAMESPACE + " capability)");
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null || String.valueOf(value).isBlank() ? List.of() : List.of(String.valueOf(value));
    }

    /** What was certified around the kit's report: the signed document. */
    private String wrap(Feature feature, PluginBundle plugin, String bench, String kitReport) throws IOException {
        ObjectNode document = JSON.createObjectNode();
        document.put("feature", feature.getName());
        document.put("version", feature.getVersion());
        document.put("kind", plugin.kind());
        document.put("at", Instant.now().toString());
        document.put("bench", bench);
        ArrayNode bundles = document.putArray("bundles");
        for (BundleInfo info : feature.getBundles()) {
            Bundle bundle = context.getBundle(info.getLocation().strip());
            ObjectNode entry = bundles.addObject();
            entry.put("location", info.getLocation().strip());
            entry.put("symbolicName", bundle == null ? "" : bundle.getSymbolicName());
            entry.put("version", bundle == null ? "" : bundle.getVersion().toString());
        }
        JsonNode kit = JSON.readTree(kitReport);
        document.put("passed", kit.path("passed").asBoolean(false));
        document.set("conformance", kit);
        return JSON.writeValueAsString(document) + "\n";
    }

    private Certificate store(String featureName, String report) throws IOException, GeneralSecurityException {
        InstallationKey installation = key();
        String signature = installation.sign(report);
        Files.createDirectories(reportFile(featureName).getParent());
        // the signature last: a report without one is never taken for certified
        Files.deleteIfExists(signatureFile(featureName));
        Files.writeString(reportFile(featureName), report, StandardCharsets.UTF_8);
        Files.writeString(signatureFile(featureName), signature + "\n", StandardCharsets.US_ASCII);
        JsonNode tree = parsed(report);
        LOG.info("Certified {}: {}", featureName, tree.path("passed").asBoolean() ? "every check passed"
                : "checks failed");
        return new Certificate(featureName, tree.path("at").asText(), tree.path("passed").asBoolean(), report,
                signature, installation.fingerprint(), true, conformance(tree));
    }

    /** The kit's part of a signed report as the catalogue shows a build's report. */
    static PluginEntry.Conformance conformance(JsonNode document) {
        JsonNode kit = document.path("conformance");
        List<PluginEntry.Conformance.Check> checks = new ArrayList<>();
        for (JsonNode check : kit.path("checks")) {
            checks.add(new PluginEntry.Conformance.Check(check.path("check").asText(), check.path("result").asText(),
                    check.path("detail").asText()));
        }
        Map<String, Object> measured = kit.path("measured").isObject() ? JSON.convertValue(kit.get("measured"),
                new TypeReference<Map<String, Object>>() { }) : Map.of();
        return new PluginEntry.Conformance(kit.path("kit").asText(""), kit.path("at").asText(""),
                kit.path("passed").asBoolean(false), checks, measured);
    }

    private static JsonNode parsed(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    private Path reportFile(String featureName) {
        return directory.resolve("reports").resolve(featureName + ".json");
    }

    private Path signatureFile(String featureName) {
        return directory.resolve("reports").resolve(featureName + ".json.sig");
    }

    /** The plugin's bundle, kind and protocols as its metadata declares them. */
    private record PluginBundle(Bundle bundle, String kind, List<String> protocols) {
        /** The first service of the type the plugin's bundle registered. */
        <T> Optional<ServiceReference<T>> service(Class<T> type) {
            ServiceReference<?>[] registered = bundle.getRegisteredServices();
            if (registered == null) {
                return Optional.empty();
            }
            for (ServiceReference<?> reference : registered) {
                Object classes = reference.getProperty("objectClass");
                if (classes instanceof String[] names && List.of(names).contains(type.getName())) {
                    @SuppressWarnings("unchecked")
                    ServiceReference<T> typed = (ServiceReference<T>) reference;
                    return Optional.of(typed);
                }
            }
            return Optional.empty();
        }
    }
}
