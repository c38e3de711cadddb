package nl.uitkijk.rest.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The plugins an administrator can switch on and off from the console: the Karaf features of camera drivers,
 * recorders, analytics and control-room connectors known to this installation ({@code GET /plugins}), installed with
 * {@code PUT /plugins/{name}} and uninstalled with {@code DELETE} (audited), as {@code feature:install} would,
 * without refreshing other bundles so nothing else restarts. The platform's own features are not plugins and are
 * never offered.
 */
@Component(service = PluginResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

    /**
     * @param kind driver, recorder, analytics or connector
     * @param cameras for a driver: how many cameras use it (they wait for it when it is uninstalled)
     */
    public record PluginJson(String name, String kind, String version, String description, boolean installed,
            long cameras) {
    }

    private static final List<String> KINDS = List.of("driver", "recorder", "analytics", "connector");
    /** Libraries that plugins need, not plugins themselves. */
    private static final List<String> LIBRARIES = List.of("uitkijk-driver-base", "uitkijk-connector-base");
    private static final EnumSet<FeaturesService.Option> QUIET = EnumSet.of(
            FeaturesService.Option.NoAutoRefreshBundles);

    private final FeaturesService features;
    private final CameraRegistry registry;
    private final AuditLog auditLog;

    @Activate
    public PluginResource(@Reference FeaturesService features, @Reference CameraRegistry registry,
            @Reference AuditLog auditLog) {
        this.features = features;
        this.registry = registry;
        this.auditLog = auditLog;
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

    @Allow
    @GET
    public List<PluginJson> list() throws Exception {
        return newestByName().values().stream().map(this::json).sorted(Comparator.comparing(PluginJson::kind)
                .thenComparing(PluginJson::name)).toList();
    }

    @Allow
    @PUT
    @Path("{name}")
    public Response install(@PathParam("name") String name, @Context SecurityContext security,
            @Context HttpServletRequest http) throws Exception {
        return change(name, true, new Audit(auditLog, security, http));
    }

    @Allow
    @DELETE
    @Path("{name}")
    public Response uninstall(@PathParam("name") String name, @Context SecurityContext security,
            @Context HttpServletRequest http) throws Exception {
        return change(name, false, new Audit(auditLog, security, http));
    }

    /** Installs or uninstalls a plugin unless it is so already; only a change is audited. */
    private Response change(String name, boolean install, Audit audit) throws Exception {
        Optional<Feature> plugin = plugin(name);
        if (plugin.isEmpty()) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no plugin '" + name + "'");
        }
        Feature feature = plugin.get();
        if (features.isInstalled(feature) != install) {
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

    /** Each plugin feature in its newest version (a repository may list several). */
    private Map<String, Feature> newestByName() throws Exception {
        Comparator<Feature> byVersion = Comparator.comparing(feature -> Version.parseVersion(
                feature.getVersion().replace("-SNAPSHOT", ".SNAPSHOT")));
        return Arrays.stream(features.listFeatures())
                .filter(feature -> !feature.isHidden() && kindOf(feature.getName()).isPresent())
                .collect(Collectors.toMap(Feature::getName, feature -> feature,
                        BinaryOperator.maxBy(byVersion)));
    }

    private Optional<Feature> plugin(String name) throws Exception {
        return Optional.ofNullable(newestByName().get(name));
    }

    private PluginJson json(Feature feature) {
        String kind = kindOf(feature.getName()).orElseThrow();
        String driverId = feature.getName().substring(("uitkijk-" + kind + "-").length());
        long cameras = kind.equals("driver")
                ? registry.cameras().stream().filter(camera -> camera.definition().driver().equals(driverId)).count()
                : 0;
        return new PluginJson(feature.getName(), kind, feature.getVersion(), feature.getDescription(),
                features.isInstalled(feature), cameras);
    }
}
