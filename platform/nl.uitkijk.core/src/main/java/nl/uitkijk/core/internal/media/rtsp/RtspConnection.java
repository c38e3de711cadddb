package nl.uitkijk.core.internal.media.rtsp;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One RTSP control connection over TCP, carrying the RTP packets interleaved (RFC 2326 10.12). The handshake runs
 * blocking on the caller's thread; afterwards the channel is switched to non-blocking and read by a
 * {@link MediaReactor}, which serves every camera from one thread. Both read through one large buffer, so a burst
 * of RTP packets costs one system call, where FFmpeg's demuxer makes three (and three polls) per RTP packet.
 * Everything a server sends is bounded: a hostile or broken server gives an {@link RtspException}, never an endless
 * read or an unbounded buffer.
 */
final class RtspConnection implements Closeable {

    static final int MAX_LINE = 8 * 1024;
    static final int MAX_HEADERS = 100;
    static final int MAX_BODY = 64 * 1024;
    /** Room for the largest interleaved frame (64 KiB) and a reply to a keep-alive, several times over. */
    private static final int BUFFER = 512 * 1024;

    /** Receives what arrives on the connection once it streams. */
    interface FrameHandler {
        void frame(int channel, byte[] data, int offset, int length);
    }

    private final SocketChannel channel;
    private final InputStream blockingIn;
    private final DigestCredentials credentials;
    private final String address;
    private final byte[] buffer = new byte[BUFFER];
    private final ByteBuffer view = ByteBuffer.wrap(buffer);
    private int start;
    private int end;
    private int sequence;
    private volatile String session;
    private volatile String sessionUri;
    private volatile Runnable onClose = () -> { };

    private RtspConnection(SocketChannel channel, DigestCredentials credentials, String address) throws IOException {
        this.channel = channel;
        this.blockingIn = channel.socket().getInputStream();
        this.credentials = credentials;
        this.address = address;
    }

    /** @param credentials {@code null} when the camera needs none */
    static RtspConnection open(String host, int port, int timeoutMillis, DigestCredentials credentials)
            throws RtspException {
        String address = host + ":" + port;
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.socket().setTcpNoDelay(true);
            channel.socket().connect(new InetSocketAddress(host, port), timeoutMillis);
            channel.socket().setSoTimeout(timeoutMillis);
            return new RtspConnection(channel, credentials, address);
        } catch (UnknownHostException e) {
            close(channel);
            throw new RtspException("unknown host " + host);
        } catch (ConnectException e) {
            close(channel);
            throw new RtspException("connection refused by " + address);
        } catch (SocketTimeoutException e) {
            close(channel);
            throw new RtspException("no answer from " + address + " within " + timeoutMillis / 1000 + " s");
        } catch (IOException e) {
            close(channel);
            throw new RtspException("cannot connect to " + address + ": " + e.getMessage());
        }
    }

    /** Sends a request and reads its reply (blocking), answering an authentication challenge once. */
    RtspResponse request(String method, String uri, Map<String, String> headers) throws RtspException {
        RtspResponse response = exchange(method, uri, headers);
        if (response.status() == 401 && credentials != null) {
            String challenge = response.header("www-authenticate").orElse("");
            if (credentials.challenge(challenge)) {
                response = exchange(method, uri, headers);
            }
        }
        if (response.status() == 401) {
            throw new RtspException(credentials == null ? "the camera asks for a user name and password"
                    : credentials.basicRefused() ? "the camera asks for Basic authentication, which would send the "
                            + "password in clear text: refused (switch the camera to Digest, or allow Basic for this "
                            + "camera: rtspBasicCameras in etc/nl.uitkijk.media.cfg)"
                    : "authentication failed (user name or password wrong)");
        }
        return response;
    }

    /** Sends a request without waiting: its reply arrives between the interleaved packets and is skipped. */
    void send(String method, String uri) throws RtspException {
        write(method, uri, Map.of());
    }

    /**
     * The session the camera gave in its SETUP reply and the URI that controls it (the aggregate), which a
     * deliberate close tears down.
     */
    void session(String id, String controlUri) {
        session = id;
        sessionUri = controlUri;
    }

    SocketChannel channel() {
        return channel;
    }

    /**
     * Reads what the (non-blocking) channel has and hands every complete frame on.
     *
     * @return {@code false} when the camera closed the connection
     */
    boolean readAvailable(FrameHandler handler) throws RtspException {
        boolean open = true;
        try {
            compact();
            view.limit(buffer.length).position(end);
            int read = channel.read(view);
            if (read < 0) {
                open = false;
            } else {
                end += read;
            }
        } catch (IOException e) {
            throw new RtspException("connection to " + address + " lost: " + e.getMessage());
        }
        while (nextFrame(handler)) {
            // every complete frame in the buffer
        }
        return open;
    }

    /** Takes one complete frame or skipped reply from the buffer; {@code false} when more data is needed. */
    private boolean nextFrame(FrameHandler handler) throws RtspException {
        if (start >= end) {
            return false;
        }
        int first = buffer[start] & 0xff;
        if (first == '$') {
            if (end - start < 4) {
                return false;
            }
            int length = ((buffer[start + 2] & 0xff) << 8) | (buffer[start + 3] & 0xff);
            if (end - start < 4 + length) {
                return false;
            }
            handler.frame(buffer[start + 1] & 0xff, buffer, start + 4, length);
            start += 4 + length;
            return true;
        }
        if (first == 'R') { // "RTSP/1.0 ..." — the reply to a keep-alive
            int headerEnd = indexOf(start, end, "\r\n\r\n");
            if (headerEnd < 0) {
                if (end - start > MAX_LINE * 4) {
                    throw new RtspException("the camera sent a reply without end between the packets");
                }
                return false;
            }
            RtspResponse reply = parseReply(new String(buffer, start, headerEnd - start, StandardCharsets.UTF_8));
            int length = contentLength(reply);
            if (end - headerEnd - 4 < length) {
                return false;
            }
            start = headerEnd + 4 + length;
            return true;
        }
        throw new RtspException("the camera sent data that is not RTSP (byte 0x" + Integer.toHexString(first)
                + " where a packet should start)");
    }

    private RtspResponse exchange(String method, String uri, Map<String, String> headers) throws RtspException {
        int expected = write(method, uri, headers);
        try {
            while (true) {
                if (start < end && buffer[start] == '$') { // a packet that was on its way: not what we wait for
                    fillBlocking(4);
                    int length = ((buffer[start + 2] & 0xff) << 8) | (buffer[start + 3] & 0xff);
                    fillBlocking(4 + length);
                    start += 4 + length;
                    continue;
                }
                int headerEnd;
                while ((headerEnd = indexOf(start, end, "\r\n\r\n")) < 0) {
                    if (end - start > MAX_LINE * 4) {
                        throw new RtspException("the camera's reply has no end of its headers");
                    }
                    fillBlocking(end - start + 1);
                }
                RtspResponse head = parseReply(new String(buffer, start, headerEnd - start, StandardCharsets.UTF_8));
                int length = contentLength(head);
                int bodyStart = headerEnd + 4 - start;
                fillBlocking(bodyStart + length);
                String body = new String(buffer, start + bodyStart, length, StandardCharsets.UTF_8);
                start += bodyStart + length;
                RtspResponse response = new RtspResponse(head.status(), head.reason(), head.headers(), body);
                if (response.header("cseq").orElse(Integer.toString(expected)).trim()
                        .equals(Integer.toString(expected))) {
                    return response;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new RtspException("no answer to " + method + " within " + timeoutSeconds() + " s");
        } catch (RtspException e) {
            throw e;
        } catch (IOException e) {
            throw new RtspException("connection to " + address + " lost: " + e.getMessage());
        }
    }

    /** Reads (blocking, with the socket's timeout) until {@code count} bytes from {@code start} are buffered. */
    private void fillBlocking(int count) throws IOException {
        if (count > buffer.length) {
            throw new RtspException("the camera's reply does not fit in " + buffer.length + " bytes");
        }
        while (end - start < count) {
            if (start + count > buffer.length) {
                compact();
            }
            int read = blockingIn.read(buffer, end, buffer.length - end);
            if (read < 0) {
                throw new RtspException("the camera closed the connection");
            }
            end += read;
        }
    }

    private void compact() {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
    }

    private int write(String method, String uri, Map<String, String> headers) throws RtspException {
        int cseq = ++sequence;
        Map<String, String> all = new LinkedHashMap<>();
        all.put("CSeq", Integer.toString(cseq));
        all.put("User-Agent", "Uitkijk");
        String current = session;
        if (current != null) {
            all.put("Session", current);
        }
        if (credentials != null && credentials.ready()) {
            all.put("Authorization", credentials.authorization(method, uri));
        }
        all.putAll(headers);
        StringBuilder request = new StringBuilder(method).append(' ').append(uri).append(" RTSP/1.0\r\n");
        all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try {
            ByteBuffer bytes = ByteBuffer.wrap(request.toString().getBytes(StandardCharsets.UTF_8));
            if (channel.isBlocking()) {
                channel.socket().getOutputStream().write(bytes.array());
            } else {
                // A request is far smaller than a socket's send buffer; a camera that does not read its socket
                // at all gets the rest dropped and will end the session, which the timeout then reports.
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new RtspException("connection to " + address + " lost: " + e.getMessage());
        }
        return cseq;
    }

    /** Parses a status line and headers (without the blank line that ends them). */
    static RtspResponse parseReply(String head) throws RtspException {
        String[] lines = head.split("\r\n", -1);
        String statusLine = lines[0];
        if (!statusLine.startsWith("RTSP/1.") || statusLine.length() < 12) {
            throw new RtspException("not an RTSP server: it answered '" + printable(statusLine) + "'");
        }
        int status;
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new RtspException("not an RTSP server: it answered '" + printable(statusLine) + "'");
        }
        if (lines.length - 1 > MAX_HEADERS) {
            throw new RtspException("the camera's reply has more than " + MAX_HEADERS + " header lines");
        }
        String reason = statusLine.length() > 13 ? statusLine.substring(13).trim() : "";
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.length() > MAX_LINE) {
                throw new RtspException("the camera sent a line longer than " + MAX_LINE + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                // A camera may offer several authentication schemes; the first Digest one is the one to answer.
                headers.merge(name, value, (old, added) -> name.equals("www-authenticate")
                        && !old.regionMatches(true, 0, "Digest", 0, 6) ? added : old);
            }
        }
        return new RtspResponse(status, reason, headers, "");
    }

    static int contentLength(RtspResponse reply) throws RtspException {
        String declared = reply.header("content-length").orElse("0").trim();
        int length;
        try {
            length = Integer.parseInt(declared);
        } catch (NumberFormatException e) {
            throw new RtspException("the camera's reply has a malformed Content-Length '" + printable(declared)
                    + "'");
        }
        if (length < 0 || length > MAX_BODY) {
            throw new RtspException("the camera's reply is " + length + " bytes; at most " + MAX_BODY
                    + " are accepted");
        }
        return length;
    }

    private int indexOf(int from, int to, String pattern) {
        byte[] needle = pattern.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i + needle.length <= to; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buffer[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private int timeoutSeconds() {
        try {
            return channel.socket().getSoTimeout() / 1000;
        } catch (IOException e) {
            return 0;
        }
    }

    static String printable(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** Runs when the connection is closed, by whoever closes it. */
    void onClose(Runnable action) {
        onClose = action;
    }

    /**
     * Tears the session down (best effort, without waiting for the reply) and closes the connection. Without the
     * TEARDOWN a camera keeps the session until it times out, and cameras serve only a few sessions at a time (some
     * refuse new clients meanwhile, as GStreamer's server does with 503).
     */
    @Override
    public void close() {
        if (session != null && sessionUri != null && channel != null && channel.isOpen()) {
            try {
                write("TEARDOWN", sessionUri, Map.of());
            } catch (RtspException e) {
                // The connection is gone already: nothing to tear down.
            }
        }
        session = null;
        close(channel);
        onClose.run();
    }

    private static void close(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Closed as far as the operating system lets us.
        }
    }
}
