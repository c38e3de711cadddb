package nl.uitkijk.api.incident;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.incident.Incident.State;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The incident register (a service). Every change writes its journal entry in the same transaction. Methods that
 * refuse throw {@link IncidentProblem} (bad input, naming the field), {@link java.util.NoSuchElementException} (no
 * such incident) or {@link IllegalStateException} (closed, or the database does not take it now).
 */
@ProviderType
public interface Incidents {

    /**
     * Opens an incident. Open alarms attached are acknowledged by the user ("in incident N"); the procedure for
     * its type (or the first alarm's type) is attached in its current version.
     *
     * @param type {@code null}: the first alarm's type
     * @param priority {@code null}: the highest of the alarms', else {@code MEDIUM}
     */
    Incident open(String title, String type, Priority priority, Collection<String> cameraIds,
            Collection<UUID> alarmIds, String user);

    Optional<Incident> incident(long id);

    /** Newest first; only those not closed when {@code openOnly}. */
    List<Incident> list(boolean openOnly, int limit);

    Incident note(long id, String text, String user);

    Incident attach(long id, Collection<String> cameraIds, Collection<UUID> alarmIds, String user);

    /** Marks footage ({@code bookmark}, {@code still}, {@code export}) and holds it while the incident needs it. */
    Incident bookmark(long id, String cameraId, Instant from, Instant to, String kind, String label, String sha256,
            String user);

    /** Ticks step {@code step} (from 1) of the incident's procedure. */
    Incident tick(long id, int step, String note, String user);

    /** Attaches the current version of another procedure (only while no step is ticked). */
    Incident follow(long id, String procedureId, String user);

    /** Moves an incident that is not closed; {@code party} is required for {@link State#HANDED_OVER}. */
    Incident move(long id, State state, String party, String user);

    /** Closes with an active outcome; refused while a required step is unticked. */
    Incident close(long id, String outcome, String note, String user);

    List<Outcome> outcomes();

    /** Adds or changes an outcome (an id in use keeps its id; {@code active=false} retires it). */
    Outcome putOutcome(Outcome outcome, String user);

    /** The current version of each procedure that is not retired. */
    List<Procedure> procedures();

    Optional<Procedure> procedure(String id, int version);

    /** Saves a new version of a procedure. */
    Procedure putProcedure(String id, String title, Collection<String> appliesTo, List<Procedure.Step> steps,
            String user);
}
