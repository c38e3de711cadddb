package nl.uitkijk.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.uitkijk.api.user.UserPreferences;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The signed-in user's own preferences, {@code GET/PUT /me/preferences/{name}} with a JSON value (the video wall's
 * layout is {@code wall}). Only ever one's own: the user comes from the session, never from the request.
 */
@Component(service = PreferenceResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("me/preferences/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class PreferenceResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final UserPreferences preferences;

    @Activate
    public PreferenceResource(@Reference UserPreferences preferences) {
        this.preferences = preferences;
    }

    @SignedIn
    @GET
    public Response get(@PathParam("name") String name, @Context SecurityContext security) {
        return preferences.get(security.getUserPrincipal().getName(), name)
                .map(value -> Response.ok(value).header("Cache-Control", "no-store").build())
                .orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no preference " + name));
    }

    @SignedIn
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("name") String name, String value, @Context SecurityContext security) {
        try {
            // Stored as given, but it must be JSON the console can read back.
            if (value == null || JSON.readTree(value).isMissingNode()) {
                return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", "the value is not JSON");
            }
            preferences.put(security.getUserPrincipal().getName(), name, value);
            return Response.noContent().build();
        } catch (JsonProcessingException e) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", "the value is not JSON");
        } catch (IllegalArgumentException e) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", e.getMessage());
        }
    }
}
