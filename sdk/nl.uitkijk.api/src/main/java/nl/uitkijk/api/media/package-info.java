/**
 * Media as it travels: stream profiles of a camera, compressed packets passed on untouched, and decoded
 * frames for analytics, and JPEG stills of the live picture for viewers that cannot play the codec. Recording never
 * decodes.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package nl.uitkijk.api.media;
