/**
 * Analytics: modules ({@link nl.uitkijk.api.analytics.AnalyticsModule}) consume decoded frames at the rate they ask
 * for and emit detections; the platform's runtime runs them per camera by policy
 * ({@link nl.uitkijk.api.analytics.AnalyticsPolicies}), stores detections, and turns event detections into episodes.
 * Each module declares which personal data it processes, so the legal gate (a designation's {@code personalData})
 * can decide where it may run.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package nl.uitkijk.api.analytics;
