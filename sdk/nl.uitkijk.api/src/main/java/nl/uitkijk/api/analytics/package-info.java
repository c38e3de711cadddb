/**
 * Analytics modules: they consume decoded frames at the rate they ask for and emit detections.
 * Each module declares which personal data it processes, so the legal gate can decide where it may run.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package nl.uitkijk.api.analytics;
