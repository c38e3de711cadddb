/**
 * The legal basis of camera surveillance (Gemeentewet art. 151c) as it applies to one camera.
 */
@org.osgi.annotation.versioning.Version("1.11.0")
package nl.uitkijk.api.governance;
