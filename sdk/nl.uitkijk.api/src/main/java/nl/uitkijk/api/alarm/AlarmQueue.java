package nl.uitkijk.api.alarm;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/** The platform's alarm queue (a service). */
@ProviderType
public interface AlarmQueue {

    /** The newest alarms first, at most {@code limit}; only the unacknowledged ones when {@code openOnly}. */
    List<Alarm> recent(int limit, boolean openOnly);

    Optional<Alarm> alarm(long id);

    /**
     * Acknowledges an open alarm.
     *
     * @return the alarm as acknowledged
     * @throws IllegalStateException when it was acknowledged before (by whom is in the message)
     * @throws java.util.NoSuchElementException when there is no such alarm
     */
    Alarm acknowledge(long id, String user, String comment);

    /** Tells the listener of every new or acknowledged alarm (on the caller's thread: return quickly). */
    AutoCloseable subscribe(Consumer<Alarm> listener);
}
