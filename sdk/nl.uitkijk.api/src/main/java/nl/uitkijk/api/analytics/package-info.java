/**
 * Analytics modules: the contract by which they are to consume decoded frames at the rate they ask for and emit
 * detections. Each module declares which personal data it processes, so the legal gate (a designation's
 * {@code personalData}) can decide where it may run. No runtime runs modules in this version.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package nl.uitkijk.api.analytics;
