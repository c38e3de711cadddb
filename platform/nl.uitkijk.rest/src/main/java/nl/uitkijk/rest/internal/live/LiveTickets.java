package nl.uitkijk.rest.internal.live;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * Single-use permissions to open one live view, valid for 30 seconds. The API issues one after checking the user's
 * role and the camera's legal basis; the live WebSocket takes it. So the socket needs neither the session cookie nor
 * a CSRF defence of its own (a ticket is only had through a CSRF-protected request), and a ticket in a log or a
 * browser history is worthless after its first use.
 */
@Component(service = LiveTickets.class)
public class LiveTickets {

    static final Duration VALIDITY = Duration.ofSeconds(30);
    /** The camera id of a ticket for the alarm socket (no camera has this id: ids are letters, digits and -_). */
    public static final String ALARMS = "*alarms*";
    private static final int MAX_OPEN = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Who may watch which camera, and why (for the audit log); session: the console session the ticket was asked in
     * (null over HTTP Basic), whose end ends the socket; timing: send arrival times (benchmark); stillWidth: 0 for
     * video (fMP4), otherwise JPEG stills at most this wide (the fallback for a browser without the codec);
     * handoverId: the live hand-over that grants it instead of an account, or {@code null}; unmasked: the camera
     * is shown without its privacy masks (granted, with a reason, and audited by whoever issued the ticket);
     * profile: the camera's stream ({@code main}, or {@code sub} for a small tile of the wall).
     */
    public record LiveTicket(String user, String session, String origin, String cameraId, String reason,
            boolean timing, int stillWidth, Instant expires, String handoverId, boolean unmasked, String profile) {

        public LiveTicket {
            profile = profile == null ? "main" : profile;
        }

        public LiveTicket(String user, String session, String origin, String cameraId, String reason,
                boolean timing, int stillWidth, Instant expires, String handoverId, boolean unmasked) {
            this(user, session, origin, cameraId, reason, timing, stillWidth, expires, handoverId, unmasked, "main");
        }
    }

    private final Map<String, LiveTicket> tickets = new ConcurrentHashMap<>();
    private final Clock clock;

    public LiveTickets() {
        this(Clock.systemUTC());
    }

    LiveTickets(Clock clock) {
        this.clock = clock;
    }

    public String issue(String user, String session, String origin, String cameraId, String reason, boolean timing,
            int stillWidth) {
        return issue(user, session, origin, cameraId, reason, timing, stillWidth, false, "main");
    }

    /**
     * As {@link #issue(String, String, String, String, String, boolean, int)}, unmasked when granted, of a stream
     * profile of the camera.
     */
    public String issue(String user, String session, String origin, String cameraId, String reason, boolean timing,
            int stillWidth, boolean unmasked, String profile) {
        return issue(new LiveTicket(user, session, origin, cameraId, reason, timing, stillWidth, null, null,
                unmasked, profile));
    }

    /** A ticket granted by a live hand-over (its link), not by an account; the viewer is named after it. */
    public String issueForHandover(String handoverId, String origin, String cameraId, String reason,
            int stillWidth) {
        return issue(new LiveTicket("handover:" + handoverId, null, origin, cameraId, reason, false, stillWidth,
                null, handoverId, false));
    }

    private String issue(LiveTicket asked) {
        Instant now = clock.instant();
        if (tickets.size() >= MAX_OPEN) {
            tickets.values().removeIf(ticket -> ticket.expires().isBefore(now));
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tickets.put(id, new LiveTicket(asked.user(), asked.session(), asked.origin(), asked.cameraId(),
                asked.reason(), asked.timing(), asked.stillWidth(), now.plus(VALIDITY), asked.handoverId(),
                asked.unmasked(), asked.profile()));
        return id;
    }

    /** Takes a ticket: valid once, within its time. */
    Optional<LiveTicket> redeem(String id) {
        if (id == null) {
            return Optional.empty();
        }
        LiveTicket ticket = tickets.remove(id);
        return ticket == null || ticket.expires().isBefore(clock.instant()) ? Optional.empty() : Optional.of(ticket);
    }
}
