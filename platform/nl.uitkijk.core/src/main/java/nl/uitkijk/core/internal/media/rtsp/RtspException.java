package nl.uitkijk.core.internal.media.rtsp;

import java.io.IOException;

/** A camera's stream cannot be read; the message is for operators and never holds credentials. */
public final class RtspException extends IOException {

    private static final long serialVersionUID = 1L;
    private final boolean unsupported;

    RtspException(String message) {
        this(message, false);
    }

    private RtspException(String message, boolean unsupported) {
        super(message);
        this.unsupported = unsupported;
    }

    /** The stream is fine but uses something this client does not read (another codec, UDP only, ...). */
    static RtspException unsupported(String what) {
        return new RtspException(what, true);
    }

    /** Whether a more general reader (FFmpeg) should be tried instead. */
    public boolean unsupported() {
        return unsupported;
    }
}
