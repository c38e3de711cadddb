package nl.uitkijk.api.camera;

/**
 * What a camera tells about itself. Fields are {@code null} where the device does not say.
 */
public record DeviceInfo(String manufacturer, String model, String firmware, String serial) {

    public static final DeviceInfo NONE = new DeviceInfo(null, null, null, null);
}
