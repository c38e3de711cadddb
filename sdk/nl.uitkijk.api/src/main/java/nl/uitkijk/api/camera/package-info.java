/**
 * Cameras and their drivers. A driver bundle registers one {@link nl.uitkijk.api.camera.CameraDriver}
 * as a whiteboard service; the platform asks it for one {@link nl.uitkijk.api.camera.CameraSession} per camera.
 * The platform's {@link nl.uitkijk.api.camera.CameraRegistry} is the place other bundles read cameras from.
 */
@org.osgi.annotation.versioning.Version("1.5.0")
package nl.uitkijk.api.camera;
