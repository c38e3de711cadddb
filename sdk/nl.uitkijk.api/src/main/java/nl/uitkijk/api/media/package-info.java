/**
 * Media as it travels: stream profiles of a camera, compressed packets passed on untouched, and decoded
 * frames for analytics. Recording never decodes; only analytics ask for frames.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package nl.uitkijk.api.media;
