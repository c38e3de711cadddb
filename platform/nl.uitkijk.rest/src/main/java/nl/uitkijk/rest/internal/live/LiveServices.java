package nl.uitkijk.rest.internal.live;

import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import nl.uitkijk.api.governance.LegalStatus;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.Stills;
import nl.uitkijk.rest.internal.live.LiveTickets.LiveTicket;

/** What a live socket needs of the platform. */
interface LiveServices {

    LiveTickets tickets();

    /** The hub as the viewer sees it: through the camera's privacy masks unless the ticket is unmasked. */
    MediaHub media(boolean unmasked);

    /** Stills as the viewer sees them: through the camera's privacy masks unless the ticket is unmasked. */
    Stills stills(boolean unmasked);

    /** The camera's legal basis for live view now (not permitted when the camera is gone). */
    LegalStatus liveView(String cameraId, Instant when);

    void audit(LiveTicket ticket, String action, String detail);

    ScheduledExecutorService scheduler();

    /** Whether the ticket's holder may still watch (session, account, role, police share). */
    LiveRights rights();

    /** Told of each packet as it reaches a viewer (the latency benchmark's first timestamp). */
    Consumer<MediaPacket> arrivals();
}
