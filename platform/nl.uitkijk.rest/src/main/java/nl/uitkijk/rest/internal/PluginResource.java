package nl.uitkijk.rest.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
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
import nl.uitkijk.api.plugin.PluginEntry;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
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
     * ({@code intact}), and the latest conformance report ({@code conformance}: the one its build ran, or null).
     */
    public record CatalogueJson(String name, String kind, String version, String summary, String vendor,
            String licence, List<String> personalData, List<String> protocols, List<String> models,
            String securityContact, boolean metadataDeclared, boolean installed, List<String> apiPackages,
            List<ArtifactJson> artifacts, boolean intact, List<PluginEntry.Component> components,
            PluginEntry.Conformance conformance) {

        static CatalogueJson of(PluginEntry entry) {
            return new CatalogueJson(entry.name(), entry.kind(), entry.version(), entry.summary(), entry.vendor(),
                    entry.licence(), entry.personalData(), entry.protocols(), entry.models(), entry.securityContact(),
                    entry.metadataDeclared(), entry.installed(), entry.apiPackages(), entry.artifacts().stream()
                            .map(ArtifactJson::of).toList(), entry.intact(), entry.components(), entry.conformance());
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

    @Activate
    public PluginResource(@Reference FeaturesService features, @Reference CameraRegistry registry,
            @Reference AuditLog auditLog, @Reference PluginCatalogueImpl catalogue) {
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
        return catalogue.entries().stream().map(CatalogueJson::of).toList();
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
