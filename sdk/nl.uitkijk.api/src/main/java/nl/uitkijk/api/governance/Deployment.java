package nl.uitkijk.api.governance;

import java.time.Instant;
import nl.uitkijk.api.camera.Location;

/**
 * A mobile camera put at a place for an event or a hot spot, for a period, under a designation whose area contains
 * that place (since 2016 art. 151c allows cameras to move within a designated area). While a deployment is in
 * force, its place and designation are the camera's; the camera starts and stops with it.
 *
 * @param id assigned by the platform
 * @param cameraId the mobile camera
 * @param designationId the designation that covers the place
 * @param name what it is for, e.g. "Carnaval 2027, Pancratiusplein"
 * @param location where the camera stands during the deployment
 * @param from when it starts
 * @param until when it ends (exclusive)
 */
public record Deployment(String id, String cameraId, String designationId, String name, Location location,
        Instant from, Instant until) {

    public boolean activeAt(Instant at) {
        return !at.isBefore(from) && at.isBefore(until);
    }

    public Deployment withId(String newId) {
        return new Deployment(newId, cameraId, designationId, name, location, from, until);
    }
}
