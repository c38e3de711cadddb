/** What plugins need of the platform's protection of secrets. */
@org.osgi.annotation.versioning.Version("1.0.0")
package nl.uitkijk.api.security;
