package nl.uitkijk.api.user;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a user keeps of their own working place (a service), kept on the server so it follows them to another
 * control-room workstation: the video wall's layout and cameras, say. Values are small texts (JSON as a rule) of at
 * most {@value #MAX_LENGTH} characters; the platform does not interpret them.
 */
@ProviderType
public interface UserPreferences {

    int MAX_LENGTH = 4000;

    Optional<String> get(String user, String name);

    /**
     * Stores or replaces a preference.
     *
     * @throws IllegalArgumentException when the name is not 1–64 letters, digits, dots or dashes, or the value is
     *             longer than {@value #MAX_LENGTH}
     */
    void put(String user, String name, String value);
}
