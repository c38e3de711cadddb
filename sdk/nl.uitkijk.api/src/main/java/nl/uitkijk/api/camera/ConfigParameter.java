package nl.uitkijk.api.camera;

/**
 * One configuration key a driver understands, described so that a form or a shell can ask for it.
 *
 * @param name key in {@link CameraDefinition#config()}
 * @param type value type
 * @param required whether a camera cannot work without it
 * @param label short human label
 * @param description one sentence of help
 * @param defaultValue value used when absent, or {@code null}
 */
public record ConfigParameter(String name, Type type, boolean required, String label, String description,
        Object defaultValue) {

    /** Shown instead of a secret value; sending it back (or leaving the key out) keeps the stored secret. */
    public static final String SECRET_MASK = "******";

    /** Value types. {@link #PASSWORD} values are never shown back or logged. */
    public enum Type {
        TEXT, URL, INTEGER, DECIMAL, BOOLEAN, PASSWORD
    }

    /**
     * Whether a configuration value of this name is likely a secret, for a camera whose driver (and so its schema)
     * is not installed: the platform then hides and encrypts it all the same.
     *
     * @since 1.5
     */
    public static boolean looksSecret(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("token")
                || lower.contains("key") || lower.equals("pin");
    }

    public boolean secret() {
        return type == Type.PASSWORD;
    }
}
