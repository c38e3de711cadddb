package nl.uitkijk.rest.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.plugin.PluginCertification;
import nl.uitkijk.api.plugin.PluginEntry;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The plugins: the Karaf features of camera drivers, recorders, analytics and control-room connectors known to this
 * installation. Administrators list them ({@code GET /plugins}), install ({@code PUT /plugins/{name}}) and uninstall
 * them ({@code DELETE}, audited), as {@code feature:install} would, without refreshing other bundles so nothing else
 * restarts — and an install is refused when an artifact does not match the SHA-256 the build recorded for it.
 * Administrators and procurement read the catalogue ({@code GET /plugins/catalogue}: metadata, personal data,
 * licences, API packages, checksums) and the distribution's SBOM ({@code GET /plugins/sbom}, CycloneDX JSON).
 */
@Component(service = PluginResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@javax.ws.rs.Path("plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

    /**
     * @param kind driver, recorder, analytics or connector
     * @param cameras for a driver: how many cameras use it (they wait for it when it is uninstalled)
     */
    public record PluginJson(String name, String kind, String version, String description, boolean installed,
            long cameras) {
    }

    /**
     * A catalogue entry: the plugin's metadata, whether every artifact matches its recorded checksum
     * ({@code intact}), the latest conformance report ({@code conformance}: the installation's own certification
     * when there is one whose signature holds, else the one its build ran, or null; {@code conformanceSource} says
     * which) and the installation's certificate in short ({@code certification}, or null).
     */
    public record CatalogueJson(String name, String kind, String version, String summary, String vendor,
            String licence, List<String> personalData, List<String> protocols, List<String> models,
            String securityContact, boolean metadataDeclared, boolean installed, List<String> apiPackages,
            List<ArtifactJson> artifacts, boolean intact, List<PluginEntry.Component> components,
            PluginEntry.Conformance conformance, String conformanceSource, CertificationJson certification,
            boolean apiCompatible, List<String> apiUnmet) {

        static CatalogueJson of(PluginEntry entry, Optional<PluginCertification.Certificate> certificate,
                Map<String, Version> installedApi) {
            List<String> unmet = ApiCompatibility.unmet(entry.apiPackages(), installedApi);
            Optional<PluginCertification.Certificate> holding = certificate.filter(
                    PluginCertification.Certificate::intact);
            return new CatalogueJson(entry.name(), entry.kind(), entry.version(), entry.summary(), entry.vendor(),
                    entry.licence(), entry.personalData(), entry.protocols(), entry.models(), entry.securityContact(),
                    entry.metadataDeclared(), entry.installed(), entry.apiPackages(), entry.artifacts().stream()
                            .map(ArtifactJson::of).toList(), entry.intact(), entry.components(),
                    holding.map(PluginCertification.Certificate::conformance).orElse(entry.conformance()),
                    holding.isPresent() ? "installation" : entry.conformance() == null ? null : "build",
                    certificate.map(CertificationJson::of).orElse(null), unmet.isEmpty(), unmet);
        }
    }

    /** An installation's certificate in short: when, the verdict, and whether its signature holds now. */
    public record CertificationJson(String at, boolean passed, boolean intact, String keyFingerprint) {
        static CertificationJson of(PluginCertification.Certificate c) {
            return new CertificationJson(c.at(), c.passed(), c.intact(), c.keyFingerprint());
        }
    }

    /**
     * A certificate: the verdict, whether the signature holds now, the key's fingerprint, the kit's checks, and
     * the signed report itself with its signature (base64, ECDSA SHA-256 DER) to check elsewhere.
     */
    public record CertificateJson(String feature, String at, boolean passed, boolean intact, String keyFingerprint,
            PluginEntry.Conformance conformance, String report, String signature) {
        static CertificateJson of(PluginCertification.Certificate c) {
            return new CertificateJson(c.feature(), c.at(), c.passed(), c.intact(), c.keyFingerprint(),
                    c.conformance(), c.report(), c.signature());
        }
    }

    public record ArtifactJson(String location, String recordedSha256, String actualSha256, boolean verified) {
        static ArtifactJson of(PluginEntry.Artifact artifact) {
            return new ArtifactJson(artifact.location(), artifact.recordedSha256(), artifact.actualSha256(),
                    artifact.verified());
        }
    }

    /** Where the distribution keeps its SBOM (made by the CycloneDX Maven plugin at build time). */
    static final String SBOM = "etc/uitkijk-sbom.cdx.json";
    private static final EnumSet<FeaturesService.Option> QUIET = EnumSet.of(
            FeaturesService.Option.NoAutoRefreshBundles);

    private final FeaturesService features;
    private final CameraRegistry registry;
    private final AuditLog auditLog;
    private final PluginCatalogueImpl catalogue;
    private final BundleContext context;
    /** Present while the feature uitkijk-certification is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PluginCertification certification;

    @Activate
    public PluginResource(@Reference FeaturesService features, @Reference CameraRegistry registry,
            @Reference AuditLog auditLog, @Reference PluginCatalogueImpl catalogue, BundleContext context) {
        this.context = context;
        this.features = features;
        this.registry = registry;
        this.auditLog = auditLog;
        this.catalogue = catalogue;
    }

    @Allow
    @GET
    public List<PluginJson> list() {
        return catalogue.plugins().values().stream().map(this::json).sorted(Comparator.comparing(PluginJson::kind)
                .thenComparing(PluginJson::name)).toList();
    }

    @Allow(Role.PROCUREMENT)
    @GET
    @javax.ws.rs.Path("catalogue")
    public List<CatalogueJson> catalogue() {
        PluginCertification certifier = certification;
        Map<String, Version> installedApi = ApiCompatibility.exported(context);
        return catalogue.entries().stream().map(entry -> CatalogueJson.of(entry, certifier == null
                ? Optional.empty() : certifier.certificate(entry.name()), installedApi)).toList();
    }

    /** One plugin's tender report: its catalogue entry alone (the console prints it as a page). */
    @Allow(Role.PROCUREMENT)
    @GET
    @javax.ws.rs.Path("catalogue/{name}")
    public Response catalogueEntry(@PathParam("name") String name) {
        PluginCertification certifier = certification;
        return catalogue.entry(name).map(entry -> Response.ok(CatalogueJson.of(entry, certifier == null
                ? Optional.empty() : certifier.certificate(name), ApiCompatibility.exported(context))).build())
                .orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no plugin '" + name
                        + "'"));
    }

    @Allow(Role.PROCUREMENT)
    @GET
    @javax.ws.rs.Path("sbom")
    public Response sbom() throws java.io.IOException {
        Path file = Path.of(System.getProperty("karaf.home", "."), SBOM);
        if (!Files.isRegularFile(file)) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "this installation has no SBOM ("
                    + SBOM + "): a distribution built by the project's build carries one");
        }
        return Response.ok(Files.readAllBytes(file), "application/vnd.cyclonedx+json")
                .header("Content-Disposition", "attachment; filename=\"uitkijk-sbom.cdx.json\"").build();
    }

    /**
     * Runs the conformance kit on the installed plugin here and signs the report (as {@code vms:plugin-certify});
     * takes as long as the kit (about ten seconds for a driver).
     */
    @Allow
    @POST
    @javax.ws.rs.Path("catalogue/{name}/certification")
    public Response certify(@PathParam("name") String name, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        PluginCertification certifier = certification;
        if (certifier == null) {
            return uncertifiable();
        }
        Audit audit = new Audit(auditLog, security, http);
        try {
            PluginCertification.Certificate certificate = certifier.certify(name);
            audit.record(AuditActions.PLUGIN_CERTIFY, name, "", certificate.passed() ? "every check passed"
                    : "checks failed");
            return Response.ok(CertificateJson.of(certificate)).build();
        } catch (NoSuchElementException notInstalled) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", notInstalled.getMessage());
        } catch (IllegalStateException cannot) {
            return ErrorBody.response(Response.Status.CONFLICT, "certification", cannot.getMessage());
        }
    }

    /** The plugin's last certificate with its signature checked now (as {@code vms:plugin-verify}). */
    @Allow(Role.PROCUREMENT)
    @GET
    @javax.ws.rs.Path("catalogue/{name}/certification")
    public Response certificate(@PathParam("name") String name) {
        PluginCertification certifier = certification;
        if (certifier == null) {
            return uncertifiable();
        }
        return certifier.certificate(name).map(c -> Response.ok(CertificateJson.of(c)).build())
                .orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "'" + name + "' has not "
                        + "been certified in this installation"));
    }

    /** The installation's public key (PEM), to check a certified report with any tool. */
    @Allow(Role.PROCUREMENT)
    @GET
    @javax.ws.rs.Path("certification-key")
    public Response certificationKey() {
        PluginCertification certifier = certification;
        if (certifier == null) {
            return uncertifiable();
        }
        return Response.ok(certifier.publicKeyPem(), "application/x-pem-file")
                .header("Content-Disposition", "attachment; filename=\"uitkijk-installation-key.pem\"").build();
    }

    private static Response uncertifiable() {
        return ErrorBody.response(Response.Status.SERVICE_UNAVAILABLE, "certification_unavailable", "plugin "
                + "certification is not installed here: an administrator installs the feature uitkijk-certification");
    }

    @Allow
    @PUT
    @javax.ws.rs.Path("{name}")
    public Response install(@PathParam("name") String name, @Context SecurityContext security,
            @Context HttpServletRequest http) throws Exception {
        return change(name, true, new Audit(auditLog, security, http));
    }

    @Allow
    @DELETE
    @javax.ws.rs.Path("{name}")
    public Response uninstall(@PathParam("name") String name, @Context SecurityContext security,
            @Context HttpServletRequest http) throws Exception {
        return change(name, false, new Audit(auditLog, security, http));
    }

    /** Installs or uninstalls a plugin unless it is so already; only a change is audited. */
    private Response change(String name, boolean install, Audit audit) throws Exception {
        Optional<Feature> plugin = Optional.ofNullable(catalogue.plugins().get(name));
        if (plugin.isEmpty()) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no plugin '" + name + "'");
        }
        Feature feature = plugin.get();
        if (features.isInstalled(feature) != install) {
            if (install) {
                List<PluginEntry.Artifact> altered = catalogue.mismatches(name);
                if (!altered.isEmpty()) {
                    PluginEntry.Artifact first = altered.get(0);
                    audit.record(AuditActions.PLUGIN_INSTALL, name, "", "refused: " + first.location()
                            + " does not match its recorded SHA-256");
                    return ErrorBody.response(Response.Status.CONFLICT, "integrity", "'" + name + "' is not "
                            + "installed: " + first.location() + " does not match the checksum the build recorded "
                            + "(SHA-256 " + first.recordedSha256() + ", found " + first.actualSha256() + "); it was "
                            + "altered or replaced after the build");
                }
            }
            try {
                if (install) {
                    features.installFeature(feature, QUIET);
                } else {
                    features.uninstallFeature(feature.getName(), feature.getVersion(), QUIET);
                }
            } catch (Exception e) {
                return ErrorBody.response(Response.Status.CONFLICT, install ? "not_installed" : "not_uninstalled",
                        "'" + name + "' cannot be " + (install ? "installed: " : "uninstalled: ") + e.getMessage());
            }
            audit.record(install ? AuditActions.PLUGIN_INSTALL : AuditActions.PLUGIN_UNINSTALL, name, "",
                    "version " + feature.getVersion());
        }
        return Response.ok(json(feature)).build();
    }

    private PluginJson json(Feature feature) {
        String kind = PluginCatalogueImpl.kindOf(feature.getName()).orElseThrow();
        String driverId = feature.getName().substring(("uitkijk-" + kind + "-").length());
        long cameras = kind.equals("driver")
                ? registry.cameras().stream().filter(camera -> camera.definition().driver().equals(driverId)).count()
                : 0;
        return new PluginJson(feature.getName(), kind, feature.getVersion(), feature.getDescription(),
                features.isInstalled(feature), cameras);
    }
}
