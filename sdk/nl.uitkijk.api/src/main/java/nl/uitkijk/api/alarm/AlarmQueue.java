package nl.uitkijk.api.alarm;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import nl.uitkijk.api.alarm.Alarm.Priority;
import org.osgi.annotation.versioning.ProviderType;

/** The platform's alarm queue (a service). */
@ProviderType
public interface AlarmQueue {

    /** The newest alarms first, at most {@code limit}; only the unacknowledged ones when {@code openOnly}. */
    List<Alarm> recent(int limit, boolean openOnly);

    Optional<Alarm> alarm(UUID id);

    /** The alarm with this running number. */
    Optional<Alarm> alarm(long number);

    /**
     * Raises an alarm: it and one delivery per control-room connector instance whose routing takes it are stored in
     * one transaction, then the subscribers are told (the connectors' outbox among them).
     *
     * @param cameraId the camera, or {@code null}
     * @param raisedBy the user who raised it by hand, or {@code null}
     * @return the stored alarm
     * @throws IllegalStateException when the database does not take it now (the caller must say so: nothing is kept)
     */
    Alarm raise(String cameraId, String type, Priority priority, String summary, String raisedBy);

    /**
     * Raises an alarm with an id chosen by the caller, for these connector instances only, whatever their routing
     * (an escalation to one control room, whose hand-over was made for this id first).
     *
     * @throws IllegalStateException when the database does not take it now
     */
    Alarm raise(UUID id, String cameraId, String type, Priority priority, String summary, String raisedBy,
            java.util.Collection<String> connectors);

    /** Each connector instance's delivery of the alarm, in connector order; empty for none or no such alarm. */
    List<Delivery> deliveries(UUID id);

    /** The deliveries of several alarms in one read (a page of the queue); an alarm without any is absent. */
    java.util.Map<UUID, List<Delivery>> deliveries(java.util.Collection<UUID> ids);

    /**
     * Acknowledges an open alarm.
     *
     * @return the alarm as acknowledged
     * @throws IllegalStateException when it was acknowledged before (by whom is in the message)
     * @throws java.util.NoSuchElementException when there is no such alarm
     */
    Alarm acknowledge(UUID id, String user, String comment);

    /** Tells the listener of every new or acknowledged alarm (on the caller's thread: return quickly). */
    AutoCloseable subscribe(Consumer<Alarm> listener);
}
