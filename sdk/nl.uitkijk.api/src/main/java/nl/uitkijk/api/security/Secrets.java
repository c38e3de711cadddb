package nl.uitkijk.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Secrets in configuration (a connector's signing secret, a broker password, an AES key) are stored sealed with the
 * installation's key, which lives outside the database and the configuration ({@code etc/uitkijk-secrets.key}). A
 * plugin opens the value it was configured with before use (a service).
 */
@ProviderType
public interface Secrets {

    /** A sealed value, opened; any other value (typed into a file by hand) as it is. */
    String open(String value);
}
