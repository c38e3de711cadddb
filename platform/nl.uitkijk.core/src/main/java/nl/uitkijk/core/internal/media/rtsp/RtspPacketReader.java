package nl.uitkijk.core.internal.media.rtsp;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.MediaSink;

/**
 * Reads an H.264 camera over RTSP with RTP interleaved in the TCP connection, without FFmpeg: DESCRIBE, SETUP,
 * PLAY, then access units as they come, with times in microseconds from the RTP clock. This is the recording hot
 * path: a {@link MediaReactor} reads all cameras on one thread with one buffered read per burst, where FFmpeg
 * wakes a thread per camera and makes three system calls per RTP packet — the difference decides how many cameras
 * one server records. Streams it does not read (another codec, UDP only) raise
 * {@link RtspException#unsupported()} so that the caller can use FFmpeg.
 */
public final class RtspPacketReader {

    private static final Pattern SESSION_TIMEOUT = Pattern.compile("timeout\\s*=\\s*(\\d+)");
    private static final Pattern INTERLEAVED = Pattern.compile("interleaved\\s*=\\s*(\\d+)");
    private static final byte[] START = { 0, 0, 0, 1 };

    private RtspPacketReader() {
    }

    /**
     * Connects and sets the stream up on the calling thread, then lets {@code reactor} read it and waits until the
     * stream ends or fails, or the connection handed to {@code connection} is closed.
     *
     * @param keepGoing checked before streaming starts; afterwards closing the connection is how to stop
     * @param onFirstPacket called once packets flow
     * @throws RtspException with a reason for operators; credentials never appear in it
     */
    public static void read(URI uri, int timeoutSeconds, BooleanSupplier keepGoing, MediaSink sink,
            Runnable onFirstPacket, Consumer<Closeable> connection, MediaReactor reactor) throws RtspException {
        read(uri, timeoutSeconds, keepGoing, sink, onFirstPacket, connection, reactor, false);
    }

    /** @param basicAllowed whether the camera may be answered with Basic authentication (password in clear text) */
    public static void read(URI uri, int timeoutSeconds, BooleanSupplier keepGoing, MediaSink sink,
            Runnable onFirstPacket, Consumer<Closeable> connection, MediaReactor reactor, boolean basicAllowed)
            throws RtspException {
        if (uri.getHost() == null) {
            throw new RtspException("the stream address has no host");
        }
        String target = withoutCredentials(uri);
        DigestCredentials credentials = credentials(uri, basicAllowed);
        int port = uri.getPort() > 0 ? uri.getPort() : 554;
        try (RtspConnection rtsp = RtspConnection.open(uri.getHost(), port, timeoutSeconds * 1000, credentials)) {
            connection.accept(rtsp);
            RtspResponse described = expectOk(rtsp.request("DESCRIBE", target, Map.of("Accept", "application/sdp")),
                    "DESCRIBE", target);
            SessionDescription track = SessionDescription.firstVideoTrack(described.body())
                    .orElseThrow(() -> new RtspException("the stream has no video"));
            if (!track.codec().equals("H264")) {
                throw RtspException.unsupported("codec " + track.codec());
            }
            if ("2".equals(track.formatParameters().get("packetization-mode"))) {
                throw RtspException.unsupported("interleaved H.264 packetization");
            }
            String base = described.header("content-base").or(() -> described.header("content-location"))
                    .orElse(target);
            String control = resolve(base, track.control());
            RtspResponse setUp = expectOk(rtsp.request("SETUP", control,
                    Map.of("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")), "SETUP", target);
            String session = setUp.header("session")
                    .orElseThrow(() -> new RtspException("the camera gave no session in its SETUP reply"));
            int semicolon = session.indexOf(';');
            rtsp.session(semicolon < 0 ? session.trim() : session.substring(0, semicolon).trim(), base);
            Matcher timeout = SESSION_TIMEOUT.matcher(session);
            long keepAliveNanos = (timeout.find() ? Math.max(10, Integer.parseInt(timeout.group(1))) : 60)
                    * 500_000_000L; // half the session timeout
            Matcher channel = INTERLEAVED.matcher(setUp.header("transport").orElse(""));
            int rtpChannel = channel.find() ? Integer.parseInt(channel.group(1)) : 0;
            // Aggregate control of the session: the Content-Base, as FFmpeg and VLC use it.
            expectOk(rtsp.request("PLAY", base, Map.of("Range", "npt=0.000-")), "PLAY", target);
            Receiver receiver = new Receiver(rtsp, track, rtpChannel, sink, onFirstPacket, target, keepAliveNanos,
                    TimeUnit.SECONDS.toNanos(timeoutSeconds));
            try {
                rtsp.channel().configureBlocking(false);
            } catch (IOException e) {
                throw new RtspException("connection to " + target + " lost: " + e.getMessage());
            }
            rtsp.onClose(() -> receiver.ended("stream closed"));
            if (!keepGoing.getAsBoolean()) {
                throw new RtspException("stream closed");
            }
            reactor.register(rtsp.channel(), receiver);
            throw new RtspException(receiver.awaitEnd());
        }
    }

    /** Turns RTP packets into access units and access units into media packets, on the reactor's thread. */
    private static final class Receiver implements H264Depacketizer.Output, MediaReactor.Stream,
            RtspConnection.FrameHandler {
        private final RtspConnection rtsp;
        private final SessionDescription track;
        private final int rtpChannel;
        private final MediaSink sink;
        private final Runnable onFirstPacket;
        private final String target;
        private final long keepAliveNanos;
        private final long timeoutNanos;
        private final H264Depacketizer depacketizer = new H264Depacketizer(this);
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile String endReason = "the stream ended";
        private byte[] formatSps = new byte[0];
        private boolean flowing;
        private long lastTimestamp;
        private long extendedTimestamp;
        private boolean timed;
        private long lastDataNanos = System.nanoTime();
        private long nextKeepAlive;

        Receiver(RtspConnection rtsp, SessionDescription track, int rtpChannel, MediaSink sink,
                Runnable onFirstPacket, String target, long keepAliveNanos, long timeoutNanos) {
            this.rtsp = rtsp;
            this.track = track;
            this.rtpChannel = rtpChannel;
            this.sink = sink;
            this.onFirstPacket = onFirstPacket;
            this.target = target;
            this.keepAliveNanos = keepAliveNanos;
            this.timeoutNanos = timeoutNanos;
            this.nextKeepAlive = System.nanoTime() + keepAliveNanos;
            byte[][] sets = track.spropParameterSets();
            if (sets[0].length > 0 && sets[1].length > 0) {
                depacketizer.parameterSets(sets[0], sets[1]);
            }
        }

        /** Waits on the ingest thread until the reactor ends the stream or its owner closes the connection. */
        String awaitEnd() {
            try {
                ended.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "stream closed";
            }
            return endReason;
        }

        @Override
        public boolean readable() throws RtspException {
            lastDataNanos = System.nanoTime();
            return rtsp.readAvailable(this);
        }

        @Override
        public void tick(long nowNanos) throws RtspException {
            if (nowNanos - lastDataNanos > timeoutNanos) {
                throw new RtspException("no data from the camera for " + timeoutNanos / 1_000_000_000L + " s");
            }
            if (nowNanos - nextKeepAlive > 0) {
                rtsp.send("GET_PARAMETER", target);
                nextKeepAlive = nowNanos + keepAliveNanos;
            }
        }

        @Override
        public void ended(String reason) {
            endReason = reason;
            ended.countDown();
        }

        @Override
        public void frame(int channel, byte[] data, int offset, int length) {
            if (channel == rtpChannel && length >= 12 && (data[offset] & 0xc0) == 0x80) {
                rtp(data, offset, length);
            }
        }

        /** One RTP packet (RFC 3550 5.1) in {@code packet[at, at + length)}. */
        private void rtp(byte[] packet, int at, int length) {
            int offset = at + 12 + 4 * (packet[at] & 0x0f);
            int end = at + length;
            if ((packet[at] & 0x10) != 0 && offset + 4 <= end) { // header extension
                offset += 4 + 4 * (((packet[offset + 2] & 0xff) << 8) | (packet[offset + 3] & 0xff));
            }
            if ((packet[at] & 0x20) != 0) { // padding
                end -= packet[at + length - 1] & 0xff;
            }
            if (offset >= end || (packet[at + 1] & 0x7f) != track.payloadType()) {
                return;
            }
            int sequence = ((packet[at + 2] & 0xff) << 8) | (packet[at + 3] & 0xff);
            long timestamp = ((packet[at + 4] & 0xffL) << 24) | ((packet[at + 5] & 0xff) << 16)
                    | ((packet[at + 6] & 0xff) << 8) | (packet[at + 7] & 0xff);
            depacketizer.packet(sequence, timestamp, (packet[at + 1] & 0x80) != 0, packet, offset, end - offset);
        }

        @Override
        public void accessUnit(H264Depacketizer.AccessUnit unit) {
            byte[] sps = depacketizer.sps();
            if (sps == null || depacketizer.pps() == null) {
                return; // nothing can be recorded before the parameter sets are known
            }
            if (!Arrays.equals(sps, formatSps)) {
                formatSps = sps;
                sink.format(format(sps, depacketizer.pps()));
            }
            long micros = micros(unit.rtpTimestamp());
            if (!flowing) {
                flowing = true;
                onFirstPacket.run();
            }
            sink.packet(new MediaPacket(micros, micros, unit.keyframe(), unit.data(),
                    System.currentTimeMillis() * 1000));
        }

        private MediaFormat format(byte[] sps, byte[] pps) {
            H264Sps parsed;
            try {
                parsed = H264Sps.parse(sps);
            } catch (IllegalArgumentException e) {
                parsed = new H264Sps(0, 0, 0);
            }
            byte[] extradata = new byte[START.length * 2 + sps.length + pps.length];
            System.arraycopy(START, 0, extradata, 0, START.length);
            System.arraycopy(sps, 0, extradata, START.length, sps.length);
            System.arraycopy(START, 0, extradata, START.length + sps.length, START.length);
            System.arraycopy(pps, 0, extradata, START.length * 2 + sps.length, pps.length);
            double fps = parsed.fps() > 0 && parsed.fps() <= 240 ? parsed.fps() : track.frameRate();
            return new MediaFormat("h264", parsed.width(), parsed.height(), fps, extradata);
        }

        /** RTP time (32 bits, wrapping) as microseconds since the first packet of this connection. */
        private long micros(long timestamp) {
            if (!timed) {
                timed = true;
                lastTimestamp = timestamp;
            }
            extendedTimestamp += (int) (timestamp - lastTimestamp); // signed: a wrap or a small step back
            lastTimestamp = timestamp;
            return extendedTimestamp * 1_000_000L / track.clockRate();
        }
    }

    private static RtspResponse expectOk(RtspResponse response, String method, String target) throws RtspException {
        if (response.status() / 100 == 2) {
            return response;
        }
        if (response.status() == 404) {
            throw new RtspException("the camera has no stream at " + target + " (404 Not Found)");
        }
        if (response.status() == 461 && method.equals("SETUP")) {
            throw RtspException.unsupported("RTP over the RTSP connection (the camera answered 461)");
        }
        throw new RtspException("the camera refused " + method + ": " + response.status() + " "
                + RtspConnection.printable(response.reason()));
    }

    static String resolve(String base, String control) {
        if (control.equals("*") || control.isEmpty()) {
            return base;
        }
        if (control.regionMatches(true, 0, "rtsp://", 0, 7) || control.regionMatches(true, 0, "rtsps://", 0, 8)) {
            return control;
        }
        return base.endsWith("/") ? base + control : base + "/" + control;
    }

    static String withoutCredentials(URI uri) {
        return uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "");
    }

    private static DigestCredentials credentials(URI uri, boolean basicAllowed) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        String password = colon < 0 ? "" : userInfo.substring(colon + 1);
        return new DigestCredentials(URLDecoder.decode(user, StandardCharsets.UTF_8),
                URLDecoder.decode(password, StandardCharsets.UTF_8), basicAllowed);
    }
}
