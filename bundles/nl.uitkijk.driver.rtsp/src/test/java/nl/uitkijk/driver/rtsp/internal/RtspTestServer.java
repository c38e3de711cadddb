package nl.uitkijk.driver.rtsp.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * A real RTSP server on loopback: the shared GStreamer launcher serving the real CCTV test clip. The clip is remuxed
 * (not re-encoded) to Annex-B H.264 with JavaCV first, as the launcher wants. Tests are skipped, with the reason,
 * where the test data or GStreamer's RTSP server is absent.
 */
final class RtspTestServer implements AutoCloseable {

    static final String CLIP = "video/opencv_vtest_h264.mp4";

    private final Process process;
    final int port;

    private RtspTestServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    String url(int mount) {
        return "rtsp://127.0.0.1:" + port + "/cam" + mount;
    }

    static RtspTestServer start(Path workFolder, int mounts) throws Exception {
        Path testdata = Path.of(System.getProperty("uitkijk.testdata", "../../../shared/testdata"));
        Path clip = testdata.resolve(CLIP);
        assumeTrue(Files.isRegularFile(clip), "test data absent: " + clip + " (set -Duitkijk.testdata=...)");
        Path launcher = Path.of(System.getProperty("uitkijk.tools", "../../../shared/tools"), "rtsp_server.py");
        assumeTrue(Files.isRegularFile(launcher), "RTSP launcher absent: " + launcher);
        assumeTrue(gstreamerRtspAvailable(), "GStreamer RTSP server absent: apt-get install gir1.2-gst-rtsp-server-1.0 "
                + "python3-gi gstreamer1.0-plugins-good gstreamer1.0-plugins-bad (.ci/run does)");
        Path annexB = workFolder.resolve("clip.h264");
        remuxToAnnexB(clip, annexB);
        int port = freePort();
        Process process = new ProcessBuilder("/usr/bin/python3", launcher.toString(), annexB.toString(),
                Integer.toString(mounts), Integer.toString(port), "10").redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = output.readLine()) != null) {
                    if (line.startsWith("serving")) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String line = ready.get(30, TimeUnit.SECONDS);
        if (line == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the RTSP server did not start");
        }
        // Keep draining its output so it never blocks on a full pipe.
        CompletableFuture.runAsync(() -> output.lines().forEach(l -> { }));
        return new RtspTestServer(process, port);
    }

    private static boolean gstreamerRtspAvailable() {
        try {
            Process check = new ProcessBuilder("/usr/bin/python3", "-c",
                    "import gi; gi.require_version('GstRtspServer', '1.0'); from gi.repository import GstRtspServer")
                    .redirectErrorStream(true).start();
            return check.waitFor(20, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static void remuxToAnnexB(Path mp4, Path target) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), grabber.getImageWidth(),
                    grabber.getImageHeight(), 0)) {
                recorder.setFormat("h264");
                recorder.start(grabber.getFormatContext());
                AVPacket packet;
                while ((packet = grabber.grabPacket()) != null) {
                    if (packet.stream_index() == grabber.getVideoStream()) {
                        recorder.recordPacket(packet);
                    }
                }
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
