package nl.uitkijk.rest.internal.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.websocket.CloseReason;
import javax.websocket.Session;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.LegalStatus;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.rest.internal.live.LiveTickets.LiveTicket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live-video WebSocket connection ({@code /live/socket?ticket=…}): the ticket (single use, 30 s, issued by
 * {@code POST /api/v1/live/tickets} after the role and legal checks) names the user and camera; then the socket
 * carries fMP4 for Media Source Extensions (or JPEG stills, when the ticket asked for them) until the browser leaves,
 * sends {@code stop}, the camera's legal basis for live view ends (checked every 5 s), or the user's right to watch
 * does ({@link LiveRights}: sign-out, account removed, role changed, police share withdrawn). Anything else the browser sends ends the socket: messages are limited to
 * 1 KiB, binary ones and unknown words are refused, and the refusal is logged. Start and stop are audited.
 */
final class LiveConnection {

    private static final long LEGAL_RECHECK_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(LiveConnection.class);

    private final LiveServices services;
    private AutoCloseable subscription;
    private ScheduledFuture<?> legalCheck;
    private AutoCloseable rightsCheck;
    private LiveTicket ticket;
    private volatile String endReason = "viewer left";
    /** Set once the socket closes: what the hub says after that (its "unsubscribed") changes nothing. */
    private volatile boolean closing;

    LiveConnection(LiveServices services) {
        this.services = services;
    }

    void open(Session session) {
        List<String> tickets = session.getRequestParameterMap().get("ticket");
        var redeemed = services.tickets().redeem(tickets == null || tickets.isEmpty() ? null : tickets.get(0));
        if (redeemed.isEmpty()) {
            LOG.info("Refused a live socket without a valid ticket from {}", session.getId());
            end(session, CloseReason.CloseCodes.VIOLATED_POLICY, "live.no-ticket", Map.of(),
                    "no valid ticket: ask POST /api/v1/live/tickets");
            return;
        }
        if (redeemed.get().cameraId().equals(LiveTickets.ALARMS)) {
            end(session, CloseReason.CloseCodes.VIOLATED_POLICY, "live.wrong-socket", Map.of(),
                    "this ticket is for the alarm socket");
            return;
        }
        ticket = redeemed.get();
        LiveViewer.Outlet outlet = new LiveViewer.Outlet() {
            @Override
            public void text(String message) {
                session.getAsyncRemote().sendText(message);
            }

            @Override
            public void binary(ByteBuffer bytes, Runnable done) {
                session.getAsyncRemote().sendBinary(bytes, result -> done.run());
            }

            @Override
            public void end(String reason) {
                if (!closing) {
                    endReason = "ended: " + reason;
                    LiveConnection.end(session, CloseReason.CloseCodes.GOING_AWAY, "live.stream-ended", Map.of(), reason);
                }
            }
        };
        boolean stills = ticket.stillWidth() > 0;
        services.audit(ticket, AuditActions.LIVE_START, (stills ? "web console, stills" : "web console")
                + (ticket.unmasked() ? ", unmasked" : ""));
        try {
            subscription = stills
                    ? services.stills(ticket.unmasked()).subscribe(ticket.cameraId(), ticket.profile(), ticket.stillWidth(),
                            new StillViewer(outlet))
                    : services.media(ticket.unmasked()).subscribe(ticket.cameraId(), ticket.profile(), MediaHub.Delivery.LIVE,
                            new LiveViewer(outlet, services.arrivals(), ticket.timing()));
        } catch (Exception e) {
            endReason = "ended: " + e.getMessage();
            end(session, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "live.unavailable", Map.of(),
                    "the camera cannot be viewed now");
            return;
        }
        rightsCheck = services.rights().watch(ticket, lapsed -> {
            endReason = "ended: " + lapsed;
            end(session, CloseReason.CloseCodes.VIOLATED_POLICY, LAPSED.getOrDefault(lapsed, "rights.lapsed"),
                    Map.of(), lapsed);
        });
        ScheduledExecutorService scheduler = services.scheduler();
        legalCheck = scheduler.scheduleWithFixedDelay(() -> {
            LegalStatus legal = services.liveView(ticket.cameraId(), Instant.now());
            if (!legal.permitted()) {
                endReason = "ended: " + legal.reason();
                end(session, CloseReason.CloseCodes.VIOLATED_POLICY, legal.code() == null ? "legal.refused"
                        : legal.code(), legal.params(), legal.reason());
            }
        }, LEGAL_RECHECK_SECONDS, LEGAL_RECHECK_SECONDS, TimeUnit.SECONDS);
    }

    /** A text message from the browser: only {@code stop} is understood. */
    void text(Session session, String text) {
        if (text.length() > LiveSocketEndpoint.MAX_MESSAGE_BYTES) {
            failed(session, new IllegalArgumentException("TooBig"));
            return;
        }
        if (ticket != null && text.strip().equals("stop")) {
            endReason = "viewer stopped";
            close(session, CloseReason.CloseCodes.NORMAL_CLOSURE, "stopped");
        } else {
            LOG.warn("A live socket ({}) sent an unknown message; closing it", describe());
            endReason = "refused: unknown message";
            close(session, CloseReason.CloseCodes.CANNOT_ACCEPT, "unknown message");
        }
    }

    /** The browser has nothing binary to send. */
    void binary(Session session) {
        LOG.warn("A live socket ({}) sent binary data; closing it", describe());
        endReason = "refused: binary message";
        close(session, CloseReason.CloseCodes.CANNOT_ACCEPT, "binary messages are not accepted");
    }

    private String describe() {
        return ticket == null ? "no ticket" : "'" + ticket.user() + "', camera '" + ticket.cameraId() + "'";
    }

    /** The socket failed; a message over the size limit is the browser's fault and is logged as refused. */
    void failed(Session session, Throwable error) {
        if (error instanceof javax.websocket.DecodeException || String.valueOf(error).contains("TooBig")) {
            LOG.warn("A live socket ({}) sent a message over {} bytes; closing it", describe(),
                    LiveSocketEndpoint.MAX_MESSAGE_BYTES);
            endReason = "refused: message too big";
            close(session, CloseReason.CloseCodes.TOO_BIG, "message too big");
        } else {
            LOG.debug("Live socket ({}) error: {}", describe(), error.toString());
        }
    }

    void closed() {
        closing = true;
        if (legalCheck != null) {
            legalCheck.cancel(false);
        }
        if (rightsCheck != null) {
            try {
                rightsCheck.close();
            } catch (Exception e) {
                LOG.debug("Ending the rights check failed", e);
            }
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("Closing the live subscription failed", e);
            }
            services.audit(ticket, AuditActions.LIVE_STOP, endReason);
        }
    }

    /** What {@link WatchRights} says when a right lapses, as the code a console translates. */
    private static final Map<String, String> LAPSED = Map.of("signed out", "rights.signed-out",
            "the account was removed", "rights.removed", "the account's role no longer allows it", "rights.role",
            "the camera is no longer shared with the police", "rights.unshared", "the hand-over was revoked",
            "rights.handover-revoked", "the hand-over ended", "rights.handover-ended");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Ends the socket with a reason the console shows in its own language: first a text message {@code {"type":
     * "end", "code", "params", "message"}} (the code and details in no language, the message in English), then the
     * close frame with {@code code: message} as its reason, cut to 100 characters (the protocol's limit is 123 bytes).
     */
    static void end(Session session, CloseReason.CloseCode code, String reasonCode, Map<String, String> params,
            String message) {
        String note;
        try {
            note = JSON.writeValueAsString(Map.of("type", "end", "code", reasonCode, "params", params, "message",
                    message));
        } catch (JsonProcessingException e) {
            close(session, code, reasonCode + ": " + message);
            return;
        }
        String closeReason = reasonCode + ": " + message;
        try {
            session.getAsyncRemote().sendText(note, result -> close(session, code, closeReason));
        } catch (RuntimeException e) {
            close(session, code, closeReason);
        }
    }

    static void close(Session session, CloseReason.CloseCode code, String reason) {
        try {
            // a close reason is limited to 123 bytes by the protocol
            session.close(new CloseReason(code, reason.length() > 100 ? reason.substring(0, 100) : reason));
        } catch (IOException | IllegalStateException e) {
            // already closing
        }
    }
}
