/**
 * Finding cameras on the network. What a participant finds goes to an inbox; nothing is added
 * to the registry without an administrator's approval.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package nl.uitkijk.api.discovery;
