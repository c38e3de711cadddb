package nl.uitkijk.rest.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriBuilder;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.governance.Deployment;
import nl.uitkijk.api.governance.Deployments;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Deployments of mobile cameras: planned ahead, started and stopped by the platform; audited. */
@Component(service = DeploymentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("deployments")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentResource {

    private final Deployments deployments;
    private final CameraRegistry registry;

    @Activate
    public DeploymentResource(@Reference Deployments deployments, @Reference CameraRegistry registry) {
        this.deployments = deployments;
        this.registry = registry;
    }

    /** All deployments, or one camera's. */
    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @GET
    public List<DeploymentJson> list(@QueryParam("cameraId") String cameraId) {
        Instant now = Instant.now();
        return (cameraId == null ? deployments.all() : deployments.ofCamera(cameraId)).stream()
                .map(d -> DeploymentJson.of(d, now)).toList();
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @GET
    @Path("{id}")
    public DeploymentJson get(@PathParam("id") String id) {
        return DeploymentJson.of(deployments.deployment(id).orElseThrow(() -> notFound(id)), Instant.now());
    }

    /** 201 with the stored deployment; 400 naming the field when the place or period is not covered. */
    @Allow
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(DeploymentJson body, @Context SecurityContext security, @Context HttpServletRequest http)
            throws InvalidCameraException {
        if (body == null) {
            throw new InvalidCameraException(List.of(new ConfigProblem("", "a deployment JSON object is required")));
        }
        if (body.cameraId() != null && registry.camera(body.cameraId()).isEmpty()) {
            throw new InvalidCameraException(List.of(new ConfigProblem("cameraId", "no camera '" + body.cameraId()
                    + "'")));
        }
        Deployment added = deployments.add(body.toDeployment(), user(security), Audit.origin(http));
        URI location = UriBuilder.fromResource(DeploymentResource.class).path(added.id()).build();
        return Response.created(location).entity(DeploymentJson.of(added, Instant.now())).build();
    }

    /** Ends or cancels the deployment; the camera stops if it ran under it. */
    @Allow
    @DELETE
    @Path("{id}")
    public Response cancel(@PathParam("id") String id, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        if (!deployments.cancel(id, user(security), Audit.origin(http))) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException(ErrorBody.response(Response.Status.NOT_FOUND, "not_found",
                "no deployment '" + id + "'"));
    }

    private static String user(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    }
}
