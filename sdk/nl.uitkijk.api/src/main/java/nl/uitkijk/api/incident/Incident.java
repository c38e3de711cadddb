package nl.uitkijk.api.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.uitkijk.api.alarm.Alarm.Priority;

/**
 * One incident the control room works: what is going on, where, and everything done about it.
 *
 * @param id the installation's running number ("incident 12")
 * @param type short kind ({@code fight}, {@code motion}), which selects the procedure; {@code null} for none
 * @param handedTo the party it was handed to ({@code police}, {@code handhaving}) in {@link State#HANDED_OVER}
 * @param outcome the outcome's id once closed
 * @param procedure the procedure version followed, or {@code null}
 * @param journal oldest first; the text exactly as written
 */
public record Incident(long id, String title, String type, Priority priority, State state, String handedTo,
        String outcome, Instant opened, String openedBy, Instant closed, String closedBy, List<String> cameraIds,
        List<UUID> alarmIds, Procedure procedure, List<StepTick> ticks, List<Bookmark> bookmarks,
        List<JournalEntry> journal) {

    public Incident {
        cameraIds = List.copyOf(cameraIds);
        alarmIds = List.copyOf(alarmIds);
        ticks = List.copyOf(ticks);
        bookmarks = List.copyOf(bookmarks);
        journal = List.copyOf(journal);
    }

    /** Where an incident stands; only {@link #CLOSED} is final. */
    public enum State {
        OPEN, IN_PROGRESS, HANDED_OVER, CLOSED
    }

    /** One entry of the journal: a note an operator wrote, or a step the platform recorded ({@code kind}). */
    public record JournalEntry(Instant at, String user, String kind, String text) {
    }

    /** A ticked step of the procedure (numbered from 1), with its note where the step asks for one. */
    public record StepTick(int step, String user, Instant at, String note) {
    }

    /**
     * Footage marked as part of the incident: a stretch of recording ({@code bookmark}), one moment ({@code still})
     * or an export ({@code export}, with the SHA-256 of the file handed out). Each is held ({@code holdId}) while
     * the incident needs it.
     */
    public record Bookmark(long id, String cameraId, Instant from, Instant to, String kind, String label,
            String sha256, Long holdId, Instant at, String user) {
    }

    public boolean closedNow() {
        return state == State.CLOSED;
    }

    /** The procedure's required steps not ticked yet (numbers from 1). */
    public List<Integer> untickedRequiredSteps() {
        if (procedure == null) {
            return List.of();
        }
        java.util.Set<Integer> ticked = new java.util.HashSet<>();
        ticks.forEach(tick -> ticked.add(tick.step()));
        return java.util.stream.IntStream.rangeClosed(1, procedure.steps().size())
                .filter(n -> procedure.steps().get(n - 1).required() && !ticked.contains(n)).boxed().toList();
    }
}
