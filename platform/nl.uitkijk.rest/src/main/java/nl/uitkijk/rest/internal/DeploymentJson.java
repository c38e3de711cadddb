package nl.uitkijk.rest.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.api.governance.Deployment;
import nl.uitkijk.rest.internal.CameraJson.LocationJson;

/** A mobile camera's deployment in the API's JSON; {@code active} tells whether it is in force now. */
@JsonIgnoreProperties(value = { "active" }, allowGetters = true)
public record DeploymentJson(String id, String cameraId, String designationId, String name, LocationJson location,
        Instant from, Instant until, Boolean active) {

    static DeploymentJson of(Deployment d, Instant now) {
        Location l = d.location();
        return new DeploymentJson(d.id(), d.cameraId(), d.designationId(), d.name(),
                new LocationJson(l.lat(), l.lon(), l.direction(), l.address()), d.from(), d.until(), d.activeAt(now));
    }

    Deployment toDeployment() {
        Location place = location == null || location.lat() == null || location.lon() == null ? null
                : new Location(location.lat(), location.lon(), location.direction(), location.address());
        return new Deployment(null, cameraId, designationId, name, place, from, until);
    }
}
