package nl.uitkijk.rest.internal.live;

import java.nio.ByteBuffer;
import nl.uitkijk.api.media.Still;
import nl.uitkijk.api.media.StillSink;

/**
 * One browser's stills (the fallback for a browser that cannot play the camera's codec): each still is a binary
 * JPEG message, preceded by a text note of its size and capture time. One send in flight; a still that arrives
 * meanwhile replaces the one waiting, so a slow browser sees the newest picture and holds at most one in memory.
 */
final class StillViewer implements StillSink {

    private final LiveViewer.Outlet outlet;
    private Still waiting;
    private boolean sending;
    private boolean ended;

    StillViewer(LiveViewer.Outlet outlet) {
        this.outlet = outlet;
    }

    @Override
    public void still(Still still) {
        synchronized (this) {
            if (ended) {
                return;
            }
            waiting = still;
        }
        sendNext();
    }

    @Override
    public void ended(String reason) {
        synchronized (this) {
            ended = true;
            waiting = null;
        }
        outlet.end(reason);
    }

    private void sendNext() {
        Still next;
        synchronized (this) {
            if (sending || waiting == null) {
                return;
            }
            next = waiting;
            waiting = null;
            sending = true;
        }
        outlet.text("{\"type\":\"still\",\"width\":" + next.width() + ",\"height\":" + next.height()
                + ",\"micros\":" + next.capturedMicros() + "}");
        outlet.binary(ByteBuffer.wrap(next.jpeg()), () -> {
            synchronized (this) {
                sending = false;
            }
            sendNext();
        });
    }
}
