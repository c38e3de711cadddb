package nl.uitkijk.api.incident;

/**
 * How an incident can end, from the list a supervisor keeps.
 *
 * @param id short name ({@code false-alarm})
 * @param falseAlarm whether incidents ending so count as false alarms in the figures
 * @param keepDays how long the incident's footage stays held after closing (0: released at closing); the law's
 *        retention applies from then on
 * @param active offered for new closings (an outcome that was used is retired, never deleted)
 */
public record Outcome(String id, String label, boolean falseAlarm, int keepDays, boolean active) {
}
