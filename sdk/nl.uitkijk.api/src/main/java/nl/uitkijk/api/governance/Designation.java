package nl.uitkijk.api.governance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.uitkijk.api.analytics.PersonalData;

/**
 * An aanwijzingsbesluit: the burgemeester's decision (Gemeentewet art. 151c) that designates an area where, for a
 * period and a purpose, cameras may watch public space. The legal basis of every camera.
 *
 * @param id assigned by the platform
 * @param decisionReference the decision's registration number
 * @param area the designated area: a polygon in WGS84, outer ring first, then holes; each ring closed
 * @param liveViewWindows when operators may watch live (empty: always within the period)
 * @param evaluationDate when the designation must be evaluated, or {@code null}
 * @param signage where the signs that announce the cameras stand
 * @param personalData which categories of personal data analytics may process on its cameras (empty: none beyond
 *        the picture itself; the decision must say so for persons to be detected, tracked or plates read)
 *        @since 1.7
 */
public record Designation(String id, String name, String decisionReference, LocalDate decisionDate, String purpose,
        List<List<Position>> area, Instant validFrom, Instant validUntil, List<LiveViewWindow> liveViewWindows,
        LocalDate evaluationDate, List<Signage> signage, Set<PersonalData> personalData) {

    public Designation {
        personalData = personalData == null || personalData.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(personalData));
    }

    /** A designation that permits no personal data to analytics (as before 1.7). */
    public Designation(String id, String name, String decisionReference, LocalDate decisionDate, String purpose,
            List<List<Position>> area, Instant validFrom, Instant validUntil, List<LiveViewWindow> liveViewWindows,
            LocalDate evaluationDate, List<Signage> signage) {
        this(id, name, decisionReference, decisionDate, purpose, area, validFrom, validUntil, liveViewWindows,
                evaluationDate, signage, Set.of());
    }

    /** Whether analytics processing these categories may run on its cameras ({@code NONE} always may). */
    public boolean permits(Set<PersonalData> needed) {
        return needed.stream().allMatch(category -> category == PersonalData.NONE
                || personalData.contains(category));
    }

    /** A WGS84 position, in GeoJSON's order: longitude first. */
    public record Position(double lon, double lat) {
    }

    /**
     * Days and a time of day (Europe/Amsterdam) when live view is allowed; {@code until} before {@code from} runs
     * past midnight (Friday 22:00 until 05:00 is Friday night).
     */
    public record LiveViewWindow(List<DayOfWeek> days, LocalTime from, LocalTime until) {
    }

    /** A sign that announces camera surveillance. */
    public record Signage(double lat, double lon, String description) {
    }

    public Designation withId(String newId) {
        return new Designation(newId, name, decisionReference, decisionDate, purpose, area, validFrom, validUntil,
                liveViewWindows, evaluationDate, signage, personalData);
    }
}
