package nl.uitkijk.api.governance;

import java.time.Duration;

/** Retention limits that the law sets for municipal camera surveillance. */
public final class Retention {

    /** Footage is kept at most four weeks unless it is held for an investigation (Gemeentewet art. 151c lid 5). */
    public static final Duration LEGAL_MAXIMUM = Duration.ofDays(28);

    private Retention() {
    }
}
