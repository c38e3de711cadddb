package nl.uitkijk.rest.internal.live;

import java.util.function.Consumer;
import nl.uitkijk.rest.internal.live.LiveTickets.LiveTicket;

/**
 * Whether the holder of a redeemed ticket may still watch: the console session it was asked in is open, the account
 * still exists, its roles still allow it, and (for the police) the camera is still shared. An open socket outlives
 * its ticket, so this is checked again every few seconds for as long as it is open.
 */
public interface LiveRights {

    /**
     * Watches the right for as long as the socket is open.
     *
     * @param lapsed told once, with the reason, when the right has gone (on the rights' own thread)
     * @return ends the watching (the socket closed)
     */
    AutoCloseable watch(LiveTicket ticket, Consumer<String> lapsed);
}
