package nl.uitkijk.rest.internal;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.connector.ConnectorInstance;
import nl.uitkijk.api.connector.ConnectorKind;
import nl.uitkijk.api.connector.ControlRooms;
import nl.uitkijk.api.connector.Routing;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Control-room connector instances: operators and supervisors see each one's state (connected, backlog, failing
 * since), administrators also its configuration (secrets masked) and add, change ({@code POST} with an existing id)
 * and remove them; every change is audited.
 */
@Component(service = ConnectorResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("connectors")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectorResource {

    /** An instance as posted: {@code {"id","kind","label","config":{…},"routing":{…}}}. */
    public record NewInstance(String id, String kind, String label, Map<String, Object> config, RoutingJson routing) {
    }

    public record RoutingJson(Set<String> types, String minPriority, Set<String> cameras, Set<String> sites,
            Set<String> designations, List<String> windows) {

        static RoutingJson of(Routing routing) {
            return new RoutingJson(routing.types(), routing.minPriority() == null ? null
                    : routing.minPriority().name(), routing.cameras(), routing.sites(), routing.designations(),
                    routing.windows());
        }
    }

    /** An instance; {@code config} and {@code routing} only for administrators. */
    public record InstanceJson(String id, String kind, String label, boolean installed, boolean connected,
            long backlog, Instant failingSince, String lastError, Map<String, Object> config, RoutingJson routing) {

        static InstanceJson of(ConnectorInstance instance, boolean admin) {
            return new InstanceJson(instance.id(), instance.kind(), instance.label(), instance.installed(),
                    instance.connected(), instance.backlog(), instance.failingSince(), instance.lastError(),
                    admin ? instance.config() : null, admin ? RoutingJson.of(instance.routing()) : null);
        }
    }

    public record KindJson(String kind, String label, Set<String> keys, Set<String> secretKeys) {
    }

    private final ControlRooms controlRooms;
    private final AuditLog auditLog;

    @Activate
    public ConnectorResource(@Reference ControlRooms controlRooms, @Reference AuditLog auditLog) {
        this.controlRooms = controlRooms;
        this.auditLog = auditLog;
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @GET
    public List<InstanceJson> list(@Context SecurityContext security) {
        boolean admin = security.isUserInRole(Role.ADMIN.principal());
        return controlRooms.instances().stream().map(instance -> InstanceJson.of(instance, admin)).toList();
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        boolean admin = security.isUserInRole(Role.ADMIN.principal());
        return controlRooms.instance(id).<Response>map(instance -> Response.ok(InstanceJson.of(instance, admin))
                .build()).orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND, "not_found",
                        "no connector instance " + id));
    }

    @Allow
    @GET
    @Path("kinds")
    public List<KindJson> kinds() {
        return controlRooms.kinds().stream().map(kind -> new KindJson(kind.kind(), kind.label(), kind.keys(),
                kind.secretKeys())).toList();
    }

    @Allow
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(NewInstance body, @Context SecurityContext security, @Context HttpServletRequest http) {
        if (body == null || body.id() == null || body.kind() == null) {
            return invalid("a JSON body {id, kind, config, routing} is required; kinds: " + controlRooms.kinds()
                    .stream().map(ConnectorKind::kind).toList());
        }
        Routing routing;
        try {
            RoutingJson r = body.routing();
            routing = r == null ? Routing.ALL : new Routing(r.types(), r.minPriority() == null
                    || r.minPriority().isBlank() ? null : Priority.parse(r.minPriority()), r.cameras(), r.sites(),
                    r.designations(), r.windows());
        } catch (IllegalArgumentException e) {
            return invalid("routing.minPriority: " + e.getMessage());
        }
        Map<String, Object> config = new java.util.HashMap<>(body.config() == null ? Map.of() : body.config());
        if (body.label() != null) {
            config.put("label", body.label());
        }
        boolean existed = controlRooms.instance(body.id()).isPresent();
        ConnectorInstance instance;
        try {
            instance = controlRooms.put(body.id(), body.kind(), config, routing);
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage());
        } catch (UncheckedIOException e) {
            return ErrorBody.response(Response.Status.SERVICE_UNAVAILABLE, "unavailable", e.getMessage());
        }
        new Audit(auditLog, security, http).record(AuditActions.CONNECTOR_CHANGE, "connector " + instance.id(),
                existed ? "changed" : "added", instance.kind() + " " + instance.config());
        InstanceJson json = InstanceJson.of(instance, true);
        return existed ? Response.ok(json).build()
                : Response.created(URI.create("connectors/" + instance.id())).entity(json).build();
    }

    @Allow
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        try {
            if (!controlRooms.remove(id)) {
                return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no connector instance " + id);
            }
        } catch (UncheckedIOException e) {
            return ErrorBody.response(Response.Status.SERVICE_UNAVAILABLE, "unavailable", e.getMessage());
        }
        new Audit(auditLog, security, http).record(AuditActions.CONNECTOR_REMOVE, "connector " + id, "removed", "");
        return Response.noContent().build();
    }

    private static Response invalid(String message) {
        return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", message);
    }
}
