/**
 * Control-room (meldkamer) connectors: they deliver alarms and report what happened to each,
 * so that the platform can retry and no alarm is lost silently.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package nl.uitkijk.api.connector;
