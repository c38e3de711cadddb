package nl.uitkijk.api.recording;

import java.time.Duration;
import java.util.Objects;

/**
 * How a camera is recorded.
 *
 * @param mode continuous, on events only, or not at all
 * @param preEvent in event mode: how much before the event is kept (held in memory until then)
 * @param postEvent in event mode: how long recording goes on after the last event
 */
public record RecordingPolicy(Mode mode, Duration preEvent, Duration postEvent) {

    private static final Duration DEFAULT_PRE_EVENT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_POST_EVENT = Duration.ofSeconds(30);

    /** The default: continuous, with 5 s before and 30 s after events for when the mode is switched. */
    public static final RecordingPolicy DEFAULT = new RecordingPolicy(Mode.CONTINUOUS, DEFAULT_PRE_EVENT,
            DEFAULT_POST_EVENT);

    public enum Mode {
        CONTINUOUS, EVENT, OFF
    }

    public RecordingPolicy {
        Objects.requireNonNull(mode, "mode");
        preEvent = preEvent == null ? DEFAULT_PRE_EVENT : preEvent;
        postEvent = postEvent == null ? DEFAULT_POST_EVENT : postEvent;
    }
}
