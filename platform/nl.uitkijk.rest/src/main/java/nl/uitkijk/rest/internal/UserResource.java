package nl.uitkijk.rest.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
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
import nl.uitkijk.api.user.UserAccount;
import nl.uitkijk.api.user.UserAccounts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The accounts: supervisors and administrators see who may sign in, with which role, and who is signed in to the
 * console now; administrators add them, change a role or password and remove them (audited by the service). A
 * user whose role or password changed, or who was removed, is signed out of the console at once.
 */
@Component(service = UserResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    /**
     * @param lastSeen when the user's live console session last did something, or null without one
     * @param lockedUntil until when refused sign-ins locked the account, or null
     */
    public record UserJson(String name, String role, Set<String> roles, Instant lastSeen, Instant lockedUntil) {
    }

    /** A new account; {@code site} (optional) is where the user works: their first video wall shows its cameras. */
    public record NewUser(String name, String password, String role, String site) {
    }

    /** One of the two. */
    public record UserChange(String role, String password) {
    }

    private final UserAccounts accounts;
    private final ConsoleSessions sessions;
    private final SignIns signIns;
    private final nl.uitkijk.api.user.UserPreferences preferences;

    @Activate
    public UserResource(@Reference UserAccounts accounts, @Reference ConsoleSessions sessions,
            @Reference SignIns signIns, @Reference nl.uitkijk.api.user.UserPreferences preferences) {
        this.preferences = preferences;
        this.accounts = accounts;
        this.sessions = sessions;
        this.signIns = signIns;
    }

    @Allow(Role.SUPERVISOR)
    @GET
    public List<UserJson> list() {
        Map<String, Instant> seen = sessions.lastSeenByUser();
        Map<String, Instant> locked = signIns.locked();
        return accounts.accounts().stream().map(account -> json(account, seen, locked)).toList();
    }

    @Allow
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewUser body, @Context SecurityContext security) {
        if (body == null) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", "name, password and role are required");
        }
        String site = body.site() == null ? "" : body.site().strip();
        if (site.length() > 64) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", "site: at most 64 characters");
        }
        try {
            UserAccount account = accounts.create(body.name(), body.password(), body.role(), by(security));
            if (!site.isEmpty()) {
                preferences.put(account.name(), WallViewResource.SITE, new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(site));
            }
            URI location = UriBuilder.fromResource(UserResource.class).path(account.name()).build();
            return Response.created(location).entity(json(account, Map.of(), signIns.locked())).build();
        } catch (IllegalArgumentException e) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", e.getMessage());
        } catch (IllegalStateException e) {
            return ErrorBody.response(Response.Status.CONFLICT, "conflict", e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e); // a plain string always writes
        }
    }

    @Allow
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("name") String name, UserChange body, @Context SecurityContext security) {
        if (body == null || (body.role() == null) == (body.password() == null)) {
            // one change a request: either is refused on its own, and then nothing at all has changed
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", "either role or password");
        }
        try {
            if (body.role() != null) {
                accounts.changeRole(name, body.role(), by(security));
            } else {
                accounts.changePassword(name, body.password(), by(security));
            }
            sessions.closeAllOf(name);
            signIns.forget(name);
            UserAccount account = accounts.accounts().stream().filter(a -> a.name().equals(name)).findFirst()
                    .orElseThrow();
            return Response.ok(json(account, Map.of(), signIns.locked())).build();
        } catch (NoSuchElementException e) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no user '" + name + "'");
        } catch (IllegalArgumentException e) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", e.getMessage());
        } catch (IllegalStateException e) {
            return ErrorBody.response(Response.Status.CONFLICT, "conflict", e.getMessage());
        }
    }

    @Allow
    @DELETE
    @Path("{name}")
    public Response remove(@PathParam("name") String name, @Context SecurityContext security) {
        try {
            accounts.remove(name, by(security));
            sessions.closeAllOf(name);
            signIns.forget(name);
            return Response.noContent().build();
        } catch (NoSuchElementException e) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no user '" + name + "'");
        } catch (IllegalStateException e) {
            return ErrorBody.response(Response.Status.CONFLICT, "conflict", e.getMessage());
        }
    }

    /** Lifts the lockout that refused sign-ins put on an account: 204, or 404 when it is not locked. */
    @Allow
    @DELETE
    @Path("{name}/lockout")
    public Response unlock(@PathParam("name") String name, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        return signIns.unlock(name, by(security), Audit.origin(http)) ? Response.noContent().build()
                : ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "'" + name + "' is not locked");
    }

    private static String by(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    private static UserJson json(UserAccount account, Map<String, Instant> seen, Map<String, Instant> locked) {
        return new UserJson(account.name(), account.role(), account.roles(), seen.get(account.name()),
                locked.get(account.name()));
    }
}
