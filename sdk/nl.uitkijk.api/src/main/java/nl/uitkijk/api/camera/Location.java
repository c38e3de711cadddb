package nl.uitkijk.api.camera;

/**
 * Where a camera stands, in WGS84.
 *
 * @param lat latitude in degrees, -90..90
 * @param lon longitude in degrees, -180..180
 * @param direction compass direction the camera looks to in degrees (0 = north, clockwise), or {@code null}
 * @param address street address for people, or {@code null}
 */
public record Location(double lat, double lon, Double direction, String address) {
}
