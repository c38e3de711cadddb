package nl.uitkijk.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.incident.WallViews;
import nl.uitkijk.api.user.UserPreferences;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Saved video walls: {@code GET /views} answers the user's own views, the room's shared ones and {@code home}, the
 * wall a user without a wall of their own starts with (the cameras of their site, else the room's first shared
 * view, else the first four cameras); {@code PUT /views/{name}} saves one ({@code shared=true}: for the room,
 * supervisors only); {@code DELETE /views/{name}} removes it.
 */
@Component(service = WallViewResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("views")
@Produces(MediaType.APPLICATION_JSON)
public class WallViewResource {

    /** The user preference naming the site a user works at (set when the account is made). */
    static final String SITE = "site";
    private static final ObjectMapper JSON = new ObjectMapper();

    public record ViewJson(String name, boolean shared, JsonNode layout, String savedBy) {
    }

    public record Views(List<ViewJson> views, ViewJson home) {
    }

    public record NewView(JsonNode layout, Boolean shared) {
        boolean forTheRoom() {
            return Boolean.TRUE.equals(shared);
        }
    }

    private final WallViews views;
    private final UserPreferences preferences;
    private final CameraRegistry cameras;
    private final AuditLog auditLog;

    @Activate
    public WallViewResource(@Reference WallViews views, @Reference UserPreferences preferences,
            @Reference CameraRegistry cameras, @Reference AuditLog auditLog) {
        this.views = views;
        this.preferences = preferences;
        this.cameras = cameras;
        this.auditLog = auditLog;
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @GET
    public Response list(@Context SecurityContext security) {
        String user = security.getUserPrincipal().getName();
        List<ViewJson> saved = views.views(user).stream().map(view -> new ViewJson(view.name(), view.shared(),
                parse(view.layout()), view.savedBy())).toList();
        return Response.ok(new Views(saved, home(user, saved))).header("Cache-Control", "no-store").build();
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("name") String name, NewView body, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        if (body == null || body.layout() == null || !body.layout().isObject()) {
            return IncidentResource.invalid("layout", "layout: the wall as a JSON object {size, cameras}");
        }
        if (body.forTheRoom() && !mayShare(security)) {
            return ErrorBody.response(Response.Status.FORBIDDEN, "forbidden",
                    "only supervisors save views for the whole room");
        }
        return IncidentResource.handled(() -> {
            WallViews.WallView view = views.save(name, body.layout().toString(), body.forTheRoom(), security
                    .getUserPrincipal().getName());
            if (view.shared()) {
                new Audit(auditLog, security, http).record(AuditActions.CONTROL_ROOM_SETUP, "view " + view.name(), "",
                        "shared video wall saved");
            }
            return Response.ok(new ViewJson(view.name(), view.shared(), body.layout(), view.savedBy())).build();
        });
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name, @QueryParam("shared") @DefaultValue("false") boolean shared,
            @Context SecurityContext security) {
        if (shared && !mayShare(security)) {
            return ErrorBody.response(Response.Status.FORBIDDEN, "forbidden",
                    "only supervisors remove the room's views");
        }
        return views.delete(name, shared, security.getUserPrincipal().getName()) ? Response.noContent().build()
                : ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no view '" + name + "'");
    }

    private static boolean mayShare(SecurityContext security) {
        return security.isUserInRole(Role.SUPERVISOR.principal()) || security.isUserInRole(Role.ADMIN.principal());
    }

    /** The wall a user starts with. */
    private ViewJson home(String user, List<ViewJson> saved) {
        String site = preferences.get(user, SITE).map(WallViewResource::parse).filter(JsonNode::isTextual)
                .map(JsonNode::asText).orElse("");
        List<String> ids = cameras.cameras().stream().filter(camera -> site.isEmpty() || site.toLowerCase(Locale.ROOT)
                .equals(String.valueOf(camera.definition().site()).toLowerCase(Locale.ROOT))).map(Camera::id)
                .toList();
        if (site.isEmpty() || ids.isEmpty()) {
            var shared = saved.stream().filter(ViewJson::shared).findFirst();
            if (shared.isPresent()) {
                return shared.get();
            }
        }
        List<String> shown = ids.stream().limit(16).toList();
        int layout = shown.size() <= 1 ? 1 : shown.size() <= 4 ? 4 : shown.size() <= 9 ? 9 : 16;
        var wall = JSON.createObjectNode().put("size", layout);
        shown.forEach(wall.putArray("cameras")::add);
        return new ViewJson(site.isEmpty() ? "home" : site, false, wall, null);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.nullNode();
        }
    }
}
