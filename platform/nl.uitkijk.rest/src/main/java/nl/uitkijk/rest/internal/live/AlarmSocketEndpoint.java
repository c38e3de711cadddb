package nl.uitkijk.rest.internal.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.List;
import javax.websocket.CloseReason;
import javax.websocket.OnClose;
import javax.websocket.OnError;
import javax.websocket.OnMessage;
import javax.websocket.OnOpen;
import javax.websocket.Session;
import javax.websocket.server.ServerEndpoint;
import nl.uitkijk.api.alarm.Alarm;
import nl.uitkijk.api.alarm.AlarmQueue;
import nl.uitkijk.rest.internal.JsonProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's live alarm socket, {@code /live/alarms?ticket=…} (a ticket from {@code POST /api/v1/alarms/tickets}):
 * every new or acknowledged alarm as the JSON of {@code GET /api/v1/alarms}, as it is stored, for as long as the
 * user may see the queue ({@link LiveRights}: sign-out, a removed account or a changed role end it). The browser sends
 * nothing; whatever it sends closes the socket. After a reconnect the console reads the queue again, so a socket that
 * was down loses nothing: the queue is in the database.
 */
@Component(service = Object.class, property = { "org.ops4j.pax.web.http.whiteboard.websocket=true",
    "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=" + LiveContext.NAME + ")" })
@ServerEndpoint("/alarms")
public class AlarmSocketEndpoint {

    private static final String SUBSCRIPTION = "uitkijk.alarm.subscription";
    private static final String RIGHTS = "uitkijk.alarm.rights";
    private static final Logger LOG = LoggerFactory.getLogger(AlarmSocketEndpoint.class);
    private final ObjectMapper json = JsonProvider.mapper();
    private final LiveTickets tickets;
    private final AlarmQueue alarms;
    private final LiveRights rights;

    @Activate
    public AlarmSocketEndpoint(@Reference LiveTickets tickets, @Reference AlarmQueue alarms,
            @Reference LiveRights rights) {
        this.tickets = tickets;
        this.alarms = alarms;
        this.rights = rights;
    }

    @OnOpen
    public void open(Session session) {
        List<String> given = session.getRequestParameterMap().get("ticket");
        var ticket = tickets.redeem(given == null || given.isEmpty() ? null : given.get(0))
                .filter(t -> t.cameraId().equals(LiveTickets.ALARMS));
        if (ticket.isEmpty()) {
            LiveConnection.close(session, CloseReason.CloseCodes.VIOLATED_POLICY,
                    "no valid ticket: ask POST /api/v1/alarms/tickets");
            return;
        }
        session.getUserProperties().put(SUBSCRIPTION, alarms.subscribe(alarm -> send(session, alarm)));
        session.getUserProperties().put(RIGHTS, rights.watch(ticket.get(),
                lapsed -> LiveConnection.close(session, CloseReason.CloseCodes.VIOLATED_POLICY, lapsed)));
    }

    private void send(Session session, Alarm alarm) {
        try {
            if (session.isOpen()) {
                // no deliveries: this runs on the thread that raised the alarm, once per open console; a
                // console reads them itself (GET /alarms/{id}) when it needs them
                session.getAsyncRemote().sendText(json.writeValueAsString(nl.uitkijk.rest.internal.AlarmJson.of(alarm,
                        null)));
            }
        } catch (JsonProcessingException | IllegalStateException e) {
            LOG.debug("An alarm could not be sent to a console (it stays in the queue): {}", e.toString());
        }
    }

    @OnMessage(maxMessageSize = 1024)
    public void text(Session session, String message) {
        LiveConnection.close(session, CloseReason.CloseCodes.CANNOT_ACCEPT, "this socket only sends");
    }

    @OnMessage(maxMessageSize = 1024)
    public void binary(Session session, ByteBuffer message) {
        LiveConnection.close(session, CloseReason.CloseCodes.CANNOT_ACCEPT, "this socket only sends");
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        for (String key : new String[] { SUBSCRIPTION, RIGHTS }) {
            if (session.getUserProperties().remove(key) instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.debug("Ending an alarm subscription failed", e);
                }
            }
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.debug("Alarm socket error: {}", error.toString());
    }

}
