package nl.uitkijk.core.internal.media.rtsp;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One RTSP reply: status, headers (names in lower case) and body. */
record RtspResponse(int status, String reason, Map<String, String> headers, String body) {

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
