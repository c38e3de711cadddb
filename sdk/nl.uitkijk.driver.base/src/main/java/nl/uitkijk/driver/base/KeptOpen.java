package nl.uitkijk.driver.base;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.uitkijk.api.camera.CameraContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one long-lived connection to a camera open (an event stream) while the camera is online: opened by
 * {@link #online()}, opened again a few seconds after it ends, left closed while the camera is offline, closed for good
 * by {@link #close()}. At most one is open at a time; none is opened after {@link #close()}.
 */
public final class KeptOpen {

    /** An open connection: completes {@link #ended()} when it ends for any reason. */
    public interface Connection {
        CompletableFuture<?> ended();

        void close();
    }

    /** Opens a connection; must not block (connect asynchronously). */
    @FunctionalInterface
    public interface Opener {
        Connection open();
    }

    private static final Logger LOG = LoggerFactory.getLogger(KeptOpen.class);

    private final CameraContext context;
    private final String what;
    private final Duration reopenAfter;
    private final Opener opener;
    private Connection current;
    private boolean online;
    private boolean closed;

    public KeptOpen(CameraContext context, String what, Duration reopenAfter, Opener opener) {
        this.context = context;
        this.what = what;
        this.reopenAfter = reopenAfter;
        this.opener = opener;
    }

    /** The camera was found online: open the connection unless it is open. */
    public void online() {
        Connection opened;
        synchronized (this) {
            online = true;
            if (closed || current != null) {
                return;
            }
            opened = opener.open();
            current = opened;
        }
        opened.ended().whenComplete((result, error) -> ended(opened, error));
    }

    /** The camera was found offline: do not reopen until it is online again. */
    public synchronized void offline() {
        online = false;
    }

    private void ended(Connection connection, Throwable error) {
        if (error != null) {
            LOG.debug("Camera '{}': the {} ended: {}", context.cameraId(), what, error.getMessage());
        }
        synchronized (this) {
            if (current == connection) {
                current = null;
            }
            if (closed) {
                return;
            }
        }
        context.scheduler().schedule(() -> {
            boolean reopen;
            synchronized (this) {
                reopen = online && !closed;
            }
            if (reopen) {
                online();
            }
        }, reopenAfter.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes the connection for good. */
    public void close() {
        Connection open;
        synchronized (this) {
            closed = true;
            open = current;
            current = null;
        }
        if (open != null) {
            open.close();
        }
    }
}
