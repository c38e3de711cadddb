package nl.uitkijk.api.governance;

/**
 * Whether a camera may be used now under its legal basis.
 *
 * @param designationId the designation (aanwijzingsbesluit, Gemeentewet art. 151c) covering it, or {@code null}
 * @param permitted whether recording, live view and export are allowed now
 * @param reason why not (or on what basis), in words for operators and the public
 */
public record LegalStatus(String designationId, boolean permitted, String reason) {
}
