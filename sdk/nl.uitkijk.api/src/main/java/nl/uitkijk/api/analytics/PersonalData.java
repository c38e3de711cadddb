package nl.uitkijk.api.analytics;

/** Categories of personal data an analytics module processes, for the privacy officer's DPIA. */
public enum PersonalData {
    /** Only whether something moves; no persons are singled out. */
    NONE,
    /** Persons are detected or counted, not identified. */
    PERSONS,
    /** Persons are followed over time (loitering, tracks). */
    TRACKS,
    /** Licence plates are read: directly identifying data. */
    LICENCE_PLATES
}
