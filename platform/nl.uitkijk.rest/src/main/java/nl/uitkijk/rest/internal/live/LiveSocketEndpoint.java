package nl.uitkijk.rest.internal.live;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javax.websocket.CloseReason;
import javax.websocket.OnClose;
import javax.websocket.OnError;
import javax.websocket.OnMessage;
import javax.websocket.OnOpen;
import javax.websocket.Session;
import javax.websocket.server.ServerEndpoint;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.LegalBasis;
import nl.uitkijk.api.governance.LegalStatus;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.Stills;
import nl.uitkijk.api.privacy.PrivacyMasks;
import nl.uitkijk.rest.internal.live.LiveTickets.LiveTicket;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The live-video WebSocket at {@code /live/socket} ({@link LiveContext} + {@code /socket}), registered on Pax Web's
 * WebSocket whiteboard (the service properties below). Pax Web uses this one instance for every connection, so each connection's state is a
 * {@link LiveConnection} kept in the socket session; this class only routes the socket's events to it. Messages
 * from the browser are limited to {@value #MAX_MESSAGE_BYTES} bytes (more closes the socket, "message too big").
 */
@Component(service = Object.class, property = { "org.ops4j.pax.web.http.whiteboard.websocket=true",
    "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=" + LiveContext.NAME + ")" })
@ServerEndpoint("/socket")
public class LiveSocketEndpoint implements LiveServices {

    static final int MAX_MESSAGE_BYTES = 1024;
    private static final String CONNECTION = "uitkijk.live.connection";

    private final LiveTickets tickets;
    private final MediaHub media;
    private final Stills stills;
    private final PrivacyMasks privacy;
    private final MediaHub masked;
    private final CameraRegistry registry;
    private final LegalBasis legalBasis;
    private final AuditLog auditLog;
    private final ScheduledExecutorService scheduler;
    private final LiveRights rights;
    private final Consumer<MediaPacket> arrivals = packet -> { };

    @Activate
    public LiveSocketEndpoint(@Reference LiveTickets tickets, @Reference MediaHub media,
            @Reference CameraRegistry registry, @Reference LegalBasis legalBasis, @Reference AuditLog auditLog,
            @Reference Stills stills, @Reference LiveRights rights, @Reference PrivacyMasks privacy) {
        this.rights = rights;
        this.privacy = privacy;
        this.masked = new nl.uitkijk.rest.internal.MaskedHub(media, privacy);
        this.tickets = tickets;
        this.media = media;
        this.stills = stills;
        this.registry = registry;
        this.legalBasis = legalBasis;
        this.auditLog = auditLog;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "uitkijk-live-legal-check");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Deactivate
    void stop() {
        scheduler.shutdownNow();
    }

    @OnOpen
    public void open(Session session) {
        LiveConnection connection = new LiveConnection(this);
        session.getUserProperties().put(CONNECTION, connection);
        connection.open(session);
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void text(Session session, String message) {
        connection(session).text(session, message);
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void binary(Session session, ByteBuffer message) {
        connection(session).binary(session);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        connection(session).closed();
    }

    @OnError
    public void error(Session session, Throwable error) {
        LiveConnection connection = connection(session);
        if (connection != null) {
            connection.failed(session, error);
        }
    }

    private static LiveConnection connection(Session session) {
        return (LiveConnection) session.getUserProperties().get(CONNECTION);
    }

    @Override
    public LiveTickets tickets() {
        return tickets;
    }

    @Override
    public MediaHub media(boolean unmasked) {
        return unmasked ? media : masked;
    }

    @Override
    public Stills stills(boolean unmasked) {
        return unmasked ? stills : privacy::subscribeStills;
    }

    @Override
    public LegalStatus liveView(String cameraId, Instant when) {
        return registry.camera(cameraId).map(camera -> legalBasis.liveView(camera.definition(), when))
                .orElse(new LegalStatus(null, false, "the camera was removed"));
    }

    @Override
    public void audit(LiveTicket ticket, String action, String detail) {
        auditLog.record(ticket.user(), action, ticket.cameraId(), ticket.origin(), ticket.reason(), detail);
    }

    @Override
    public LiveRights rights() {
        return rights;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public Consumer<MediaPacket> arrivals() {
        return arrivals;
    }
}
