package nl.uitkijk.core.internal.media.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.testkit.RtspCameraSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RtspPacketReaderTest {

    @TempDir
    Path folder;
    private MediaReactor reactor;

    @BeforeEach
    void startReactor() throws IOException {
        reactor = new MediaReactor("test-reader", 20_000_000L);
    }

    @AfterEach
    void stopReactor() {
        reactor.close();
    }

    private static final class Collecting implements MediaSink {
        final List<MediaFormat> formats = new CopyOnWriteArrayList<>();
        final List<MediaPacket> packets = new CopyOnWriteArrayList<>();

        @Override
        public void format(MediaFormat format) {
            formats.add(format);
        }

        volatile Runnable afterEach = () -> { };

        @Override
        public void packet(MediaPacket packet) {
            packets.add(packet);
            afterEach.run();
        }

        @Override
        public void ended(String reason) {
        }
    }

    @Test
    void readsTheCameraPictureByPictureAsFfmpegDecodesIt() throws Exception {
        try (RtspCameraSimulator simulator = RtspCameraSimulator.start(folder, 1)) {
            Collecting sink = new Collecting();
            AtomicBoolean flowing = new AtomicBoolean();
            AtomicReference<Closeable> open = new AtomicReference<>();
            sink.afterEach = () -> {
                if (sink.packets.size() == 60) {
                    close(open.get()); // as a stopping ingest does
                }
            };
            RtspException stopped = assertThrows(RtspException.class, () -> RtspPacketReader.read(
                    URI.create(simulator.url(1)), 5, () -> true, sink, () -> flowing.set(true), open::set, reactor));
            assertEquals("stream closed", stopped.getMessage());
            assertTrue(flowing.get());
            assertEquals(1, sink.formats.size());
            MediaFormat format = sink.formats.get(0);
            List<MediaPacket> packets = List.copyOf(sink.packets);
            assertEquals("h264", format.codec());
            assertEquals(768, format.width());
            assertEquals(576, format.height());
            assertEquals(10.0, format.fps(), 0.01);
            assertTrue(sink.packets.get(0).keyframe() || sink.packets.stream().anyMatch(MediaPacket::keyframe));
            for (int i = 1; i < sink.packets.size(); i++) {
                assertEquals(100_000, sink.packets.get(i).dtsMicros() - sink.packets.get(i - 1).dtsMicros(),
                        "one picture per packet, 10 fps");
            }
            // Debian's ffmpeg decodes what we rebuilt, every picture, without complaint.
            Path annexB = folder.resolve("read.h264");
            try (OutputStream out = Files.newOutputStream(annexB)) {
                out.write(format.extradata());
                boolean started = false;
                for (MediaPacket packet : packets) {
                    started |= packet.keyframe();
                    if (started) {
                        out.write(packet.data());
                    }
                }
            }
            long fromKeyframe = packets.size() - packets.indexOf(packets.stream()
                    .filter(MediaPacket::keyframe).findFirst().orElseThrow());
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "h264", "-i", annexB.toString(),
                    "-f", "framemd5", "-").redirectErrorStream(true).start();
            String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(ffmpeg.waitFor(60, TimeUnit.SECONDS));
            assertFalse(output.lines().anyMatch(line -> !line.startsWith("#") && !line.startsWith("0,")), output);
            assertEquals(fromKeyframe, output.lines().filter(line -> line.startsWith("0,")).count(),
                    "every packet is one decodable picture");

            // The close tore the session down: the camera serves the next client at once.
            Collecting again = new Collecting();
            again.afterEach = () -> {
                if (again.packets.size() == 10) {
                    close(open.get());
                }
            };
            assertEquals("stream closed", assertThrows(RtspException.class, () -> RtspPacketReader.read(
                    URI.create(simulator.url(1)), 5, () -> true, again, () -> { }, open::set, reactor)).getMessage());
            assertTrue(again.packets.size() >= 10);
        }
    }

    @Test
    void aServerThatIsNoCameraGivesAClearReason() throws Exception {
        assertEquals("not an RTSP server: it answered 'HTTP/1.1 400 Bad Request'",
                readFrom("HTTP/1.1 400 Bad Request\r\n\r\n").getMessage());
        assertTrue(readFrom("RTSP/1.0 200 OK\r\nCSeq: 1\r\nContent-Length: 99999999\r\n\r\n").getMessage()
                .contains("at most"));
        assertTrue(readFrom("RTSP/1.0 200 OK\r\nX: " + "a".repeat(20_000) + "\r\n\r\n").getMessage()
                .contains("longer than"));
        assertEquals("the camera has no stream at rtsp://127.0.0.1:PORT/cam (404 Not Found)",
                readFrom("RTSP/1.0 404 Not Found\r\nCSeq: 1\r\n\r\n").getMessage().replaceAll(":\\d+/", ":PORT/"));
        assertEquals("the camera asks for a user name and password",
                readFrom("RTSP/1.0 401 Unauthorized\r\nCSeq: 1\r\nWWW-Authenticate: Basic realm=\"x\"\r\n\r\n")
                        .getMessage());
        assertEquals("the stream has no video", readFrom(describeReply("v=0\r\nm=audio 0 RTP/AVP 0\r\n")).getMessage());
        RtspException mjpeg = readFrom(describeReply("v=0\r\nm=video 0 RTP/AVP 26\r\n"));
        assertTrue(mjpeg.unsupported(), "another codec goes to FFmpeg");
    }

    @Test
    void aRefusedConnectionSaysSo() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        int free = port;
        RtspException refused = assertThrows(RtspException.class, () -> RtspPacketReader.read(
                URI.create("rtsp://op:geheim@127.0.0.1:" + free + "/cam"), 2, () -> true, new Collecting(),
                () -> { }, connection -> { }, reactor));
        assertEquals("connection refused by 127.0.0.1:" + free, refused.getMessage());
    }

    private static void close(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describeReply(String sdp) {
        return "RTSP/1.0 200 OK\r\nCSeq: 1\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    /** Answers the first request with {@code reply}, then waits for the client to go. */
    @Test
    void aCameraThatAsksForBasicAuthenticationIsNotSentThePasswordUnlessAllowed() throws Exception {
        RtspException refused = readFrom("RTSP/1.0 401 Unauthorized\r\nCSeq: 1\r\nWWW-Authenticate: Basic "
                + "realm=\"x\"\r\n\r\n", "op:geheim@");
        assertTrue(refused.getMessage().startsWith("the camera asks for Basic authentication, which would send the "
                + "password in clear text: refused"), refused.getMessage());
    }

    private RtspException readFrom(String reply) throws Exception {
        return readFrom(reply, "");
    }

    private RtspException readFrom(String reply, String userInfo) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try (Socket client = server.accept()) {
                    client.getInputStream().read(new byte[4096]);
                    client.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
                    client.getOutputStream().flush();
                    client.getInputStream().read(new byte[4096]); // until the client hangs up
                } catch (IOException e) {
                    // the client is gone
                }
            });
            answering.start();
            RtspException failure = assertThrows(RtspException.class, () -> RtspPacketReader.read(
                    URI.create("rtsp://" + userInfo + "127.0.0.1:" + server.getLocalPort() + "/cam"), 3, () -> true,
                    new Collecting(), () -> { }, connection -> { }, reactor));
            answering.join(5_000);
            return failure;
        }
    }
}
