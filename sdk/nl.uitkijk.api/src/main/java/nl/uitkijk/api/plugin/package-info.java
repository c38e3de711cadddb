/**
 * What a plugin is, for the people who choose and install it: every plugin bundle carries its metadata
 * ({@link nl.uitkijk.api.plugin.Plugin}, a capability in its manifest: kind, vendor, SPDX licence, the personal data
 * it processes, protocols and camera models, a security contact), and the platform's catalogue
 * ({@link nl.uitkijk.api.plugin.PluginCatalogue}) lists the installed and available plugins with it, with the
 * SHA-256 of each of their artifacts checked against the one the build recorded.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package nl.uitkijk.api.plugin;
