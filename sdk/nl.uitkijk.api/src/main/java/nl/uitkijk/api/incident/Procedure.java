package nl.uitkijk.api.incident;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A procedure (draaiboek): the ordered checklist for an alarm or incident type that a supervisor writes. Saving it
 * again makes a new version; an incident keeps the version it was worked by.
 *
 * @param id short name ({@code fight})
 * @param appliesTo the alarm and incident types it is for
 */
public record Procedure(String id, int version, String title, Set<String> appliesTo, List<Step> steps,
        Instant saved, String savedBy) {

    public Procedure {
        appliesTo = Set.copyOf(appliesTo);
        steps = List.copyOf(steps);
    }

    /**
     * One step.
     *
     * @param required an incident cannot be closed while it is unticked
     * @param noteRequired ticking it needs a note (what was seen, who was called)
     */
    public record Step(String text, boolean required, boolean noteRequired) {
    }
}
