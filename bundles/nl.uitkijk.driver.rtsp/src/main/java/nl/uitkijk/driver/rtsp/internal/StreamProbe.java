package nl.uitkijk.driver.rtsp.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.uitkijk.api.media.StreamProfile;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/** Opens an RTSP stream with FFmpeg just far enough to learn its codec and size, then closes it. */
final class StreamProbe {

    private StreamProbe() {
    }

    /** @throws ProbeException with a reason an operator understands */
    static StreamProfile probe(RtspSettings settings) throws ProbeException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(settings.connectUrl());
        grabber.setFormat("rtsp");
        grabber.setOption("rtsp_transport", settings.transport());
        grabber.setOption("timeout", Long.toString(settings.timeoutSeconds() * 1_000_000L));
        grabber.setOption("analyzeduration", "2000000");
        // The socket timeout alone does not cover a server that accepts and then stalls: JavaCV's interrupt
        // callback aborts any blocking step after the timeout, so a probe thread is never lost.
        grabber.setTimeout(settings.timeoutSeconds() * 1000);
        try {
            grabber.start();
            String codec = grabber.getVideoCodecName();
            if (grabber.getVideoStream() < 0 || codec == null) {
                throw new ProbeException("the stream has no video");
            }
            return new StreamProfile("main", settings.url(), codec.toLowerCase(Locale.ROOT), grabber.getImageWidth(),
                    grabber.getImageHeight(), grabber.getFrameRate());
        } catch (FrameGrabber.Exception e) {
            // FFmpeg's message repeats the URL it opened, credentials included: show the plain one.
            String message = e.getMessage() == null ? null
                    : e.getMessage().replace(settings.connectUrl(), settings.url().toString());
            throw new ProbeException(reason(message));
        } finally {
            try {
                grabber.release();
            } catch (FrameGrabber.Exception e) {
                // Nothing left to free that matters: the probe's result stands.
            }
        }
    }

    private static final Pattern ERROR_CODE = Pattern.compile("error (-\\d+)");
    private static final int ECONNREFUSED = -111;
    private static final int ETIMEDOUT = -110;
    private static final int EHOSTUNREACH = -113;
    /** FFmpeg's FFERRTAG(0xF8,'4','0','1') and friends: the RTSP server's status code. */
    private static final int HTTP_UNAUTHORIZED = -0x313034F8;
    private static final int HTTP_FORBIDDEN = -0x333034F8;
    private static final int HTTP_NOT_FOUND = -0x343034F8;
    private static final int HTTP_SERVER_ERROR = -0x585835F8;

    /** Turns FFmpeg's error into a reason for the status line. */
    static String reason(String ffmpegMessage) {
        Matcher code = ERROR_CODE.matcher(ffmpegMessage == null ? "" : ffmpegMessage);
        if (code.find()) {
            switch (Integer.parseInt(code.group(1))) {
                case ECONNREFUSED:
                    return "connection refused";
                case ETIMEDOUT:
                    return "no answer (timeout)";
                case EHOSTUNREACH:
                    return "host unreachable";
                case HTTP_UNAUTHORIZED:
                    return "not authorized: check username and password";
                case HTTP_FORBIDDEN:
                    return "access forbidden by the camera";
                case HTTP_NOT_FOUND:
                    return "stream not found: check the path in the URL";
                case HTTP_SERVER_ERROR:
                    return "the camera reports an internal error (RTSP 5xx): it may need a restart";
                default:
                    break;
            }
        }
        String m = ffmpegMessage == null ? "" : ffmpegMessage.toLowerCase(Locale.ROOT);
        if (m.contains("connection refused")) {
            return "connection refused";
        } else if (m.contains("timed out") || m.contains("timeout") || m.contains("error -110")) {
            return "no answer (timeout)";
        } else if (m.contains("401") || m.contains("unauthorized")) {
            return "not authorized: check username and password";
        } else if (m.contains("404") || m.contains("not found")) {
            return "stream not found: check the path in the URL";
        } else if (m.contains("no route") || m.contains("unreachable")) {
            return "host unreachable";
        } else if (m.contains("name or service") || m.contains("resolve")) {
            return "host name unknown";
        }
        return "cannot open the stream: " + (ffmpegMessage == null ? "unknown error" : ffmpegMessage);
    }

    static final class ProbeException extends Exception {
        private static final long serialVersionUID = 1L;

        ProbeException(String reason) {
            super(reason);
        }
    }
}
