package nl.uitkijk.api.camera;

/**
 * A problem with one field of a camera definition.
 *
 * @param field the field's path as the REST JSON names it, e.g. {@code name} or {@code config.url}
 * @param message what is wrong, in a sentence
 */
public record ConfigProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
