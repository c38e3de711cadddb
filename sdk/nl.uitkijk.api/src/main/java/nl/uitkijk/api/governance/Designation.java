package nl.uitkijk.api.governance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

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
 */
public record Designation(String id, String name, String decisionReference, LocalDate decisionDate, String purpose,
        List<List<Position>> area, Instant validFrom, Instant validUntil, List<LiveViewWindow> liveViewWindows,
        LocalDate evaluationDate, List<Signage> signage) {

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
                liveViewWindows, evaluationDate, signage);
    }
}
