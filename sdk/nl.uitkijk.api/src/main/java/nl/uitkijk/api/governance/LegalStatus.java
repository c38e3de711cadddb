package nl.uitkijk.api.governance;

import java.util.Map;

/**
 * Whether a camera may be used now under its legal basis.
 *
 * @param designationId the designation (aanwijzingsbesluit, Gemeentewet art. 151c) covering it, or {@code null}
 * @param permitted whether recording, live view and export are allowed now
 * @param reason why not (or on what basis), in English words for operators, logs and the public
 * @param code the same reason for a program (a console shows it in its own language), e.g. {@code legal.ended};
 *        {@code null} where none was given. @since 1.10
 * @param params the reason's details, in no language: {@code designation} (its name), {@code date} (local
 *        {@code yyyy-MM-dd HH:mm}), {@code windows} ({@code MON,TUE 22:00–06:00;…}). @since 1.10
 */
public record LegalStatus(String designationId, boolean permitted, String reason, String code,
        Map<String, String> params) {

    public LegalStatus {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** A status with its reason in words only. */
    public LegalStatus(String designationId, boolean permitted, String reason) {
        this(designationId, permitted, reason, null, Map.of());
    }
}
