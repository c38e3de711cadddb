package nl.uitkijk.rest.internal;

import java.net.URI;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriBuilder;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Designations (aanwijzingsbesluiten): the legal basis of the cameras. Changes are audit entries. */
@Component(service = DesignationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("designations")
@Produces(MediaType.APPLICATION_JSON)
public class DesignationResource {

    private final Designations designations;

    @Activate
    public DesignationResource(@Reference Designations designations) {
        this.designations = designations;
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @GET
    public List<DesignationJson> list() {
        return designations.all().stream().map(DesignationJson::of).toList();
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @GET
    @Path("{id}")
    public DesignationJson get(@PathParam("id") String id) {
        return DesignationJson.of(find(id));
    }

    /** 201 with the stored designation and its assigned id. */
    @Allow
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(DesignationJson body, @Context SecurityContext security, @Context HttpServletRequest http)
            throws InvalidCameraException {
        Designation added = designations.add(required(body).toDesignation(), user(security), Audit.origin(http));
        URI location = UriBuilder.fromResource(DesignationResource.class).path(added.id()).build();
        return Response.created(location).entity(DesignationJson.of(added)).build();
    }

    @Allow
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DesignationJson update(@PathParam("id") String id, DesignationJson body,
            @Context SecurityContext security, @Context HttpServletRequest http) throws InvalidCameraException {
        find(id);
        return DesignationJson.of(designations.update(id, required(body).toDesignation(), user(security),
                Audit.origin(http)));
    }

    /** Withdraws the designation; the cameras bound to it stop. */
    @Allow
    @DELETE
    @Path("{id}")
    public Response withdraw(@PathParam("id") String id, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        if (!designations.withdraw(id, user(security), Audit.origin(http))) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private Designation find(String id) {
        return designations.designation(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException(ErrorBody.response(Response.Status.NOT_FOUND, "not_found",
                "no designation '" + id + "'"));
    }

    private static DesignationJson required(DesignationJson body) throws InvalidCameraException {
        if (body == null) {
            throw new InvalidCameraException(List.of(new ConfigProblem("", "a designation JSON object is required")));
        }
        return body;
    }

    private static String user(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    }
}
