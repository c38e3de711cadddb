package nl.uitkijk.rest.internal;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.camera.CameraException;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.privacy.PrivacyMasks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * A camera's fixed privacy masks: {@code {"masks": [{"polygon": [[x, y], …]}]}} in 0..1 picture coordinates. Read by
 * operators and supervisors (the console draws them), set by administrators (audited by the core).
 */
@Component(service = PrivacyMaskResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("cameras/{id}/privacy-masks")
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyMaskResource {

    public record MaskJson(List<double[]> polygon) {
    }

    public record MasksJson(List<MaskJson> masks) {

        static MasksJson of(List<PrivacyMasks.Mask> masks) {
            return new MasksJson(masks.stream().map(mask -> new MaskJson(mask.polygon())).toList());
        }
    }

    private final PrivacyMasks privacy;

    @Activate
    public PrivacyMaskResource(@Reference PrivacyMasks privacy) {
        this.privacy = privacy;
    }

    @Allow(value = {Role.OPERATOR, Role.SUPERVISOR}, camera = "id")
    @GET
    public MasksJson masks(@PathParam("id") String id) throws CameraException {
        return MasksJson.of(privacy.masks(id));
    }

    @Allow
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public MasksJson set(@PathParam("id") String id, MasksJson body, @Context SecurityContext security)
            throws CameraException {
        if (body == null || body.masks() == null) {
            throw new InvalidCameraException(List.of(new ConfigProblem("masks",
                    "required: {\"masks\": [{\"polygon\": [[x, y], …]}]}, an empty list for none")));
        }
        List<PrivacyMasks.Mask> masks = new java.util.ArrayList<>();
        for (int i = 0; i < body.masks().size(); i++) {
            MaskJson mask = body.masks().get(i);
            if (mask == null || mask.polygon() == null) {
                throw new InvalidCameraException(List.of(new ConfigProblem("masks[" + i + "].polygon",
                        "required: at least three points [x, y] in 0..1")));
            }
            masks.add(new PrivacyMasks.Mask(mask.polygon()));
        }
        return MasksJson.of(privacy.setMasks(id, masks, security.getUserPrincipal().getName()));
    }
}
