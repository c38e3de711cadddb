/** What control-room connectors share: the alarm's JSON document and the plain-text rule. */
@org.osgi.annotation.versioning.Version("1.0.0")
package nl.uitkijk.connector.base;
