/**
 * Event Admin topics and property names under which the platform publishes what happens.
 */
@org.osgi.annotation.versioning.Version("1.4.0")
package nl.uitkijk.api.event;
