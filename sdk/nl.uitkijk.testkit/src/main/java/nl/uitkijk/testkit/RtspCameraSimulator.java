package nl.uitkijk.testkit;

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
 * Live RTSP cameras on loopback: the shared GStreamer launcher ({@code ../shared/tools/rtsp_server.py}, or
 * {@code -Duitkijk.tools=...}) serving a real CCTV clip as {@code /cam1} .. {@code /camN}, looping, without
 * re-encoding. The clip is remuxed to Annex-B H.264 with JavaCV first, as the launcher wants. Tests are skipped, with
 * the reason, where the test data or GStreamer's RTSP server is absent.
 */
public final class RtspCameraSimulator implements AutoCloseable {

    /** 768x576, 10 fps, H.264 without B-frames, GOP 20 (see the test data README). */
    public static final String CLIP = "video/opencv_vtest_h264.mp4";

    private final Process process;
    private final int port;

    private RtspCameraSimulator(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** The URL of camera {@code mount}, counted from 1. */
    public String url(int mount) {
        return "rtsp://127.0.0.1:" + port + "/cam" + mount;
    }

    /**
     * Starts serving {@code mounts} cameras.
     *
     * @param workFolder where the remuxed clip is written
     */
    public static RtspCameraSimulator start(Path workFolder, int mounts) throws Exception {
        return start(workFolder, mounts, freePort());
    }

    /** Starts serving on a given port: to bring a camera back where it was. */
    public static RtspCameraSimulator start(Path workFolder, int mounts, int port) throws Exception {
        Path clip = TestData.require(CLIP);
        Path annexB = workFolder.resolve("clip.h264");
        if (!Files.isRegularFile(annexB)) {
            remuxToAnnexB(clip, annexB);
        }
        return serve(annexB, mounts, port, 10);
    }

    /**
     * Serves a clip of one's own (Annex-B H.264 without B-frames, e.g. made with Debian's ffmpeg) as {@code mounts}
     * cameras, looping.
     */
    public static RtspCameraSimulator serve(Path annexB, int mounts, int fps) throws Exception {
        return serve(annexB, mounts, freePort(), fps);
    }

    private static RtspCameraSimulator serve(Path annexB, int mounts, int port, int fps) throws Exception {
        Path launcher = Path.of(System.getProperty("uitkijk.tools", "../shared/tools"), "rtsp_server.py");
        TestData.skipUnless(Files.isRegularFile(launcher), "RTSP launcher absent: " + launcher
                + " (set -Duitkijk.tools=...)");
        TestData.skipUnless(gstreamerRtspAvailable(), "GStreamer RTSP server absent: apt-get install gir1.2-gst-rtsp-server-1.0 "
                + "python3-gi gstreamer1.0-plugins-good gstreamer1.0-plugins-bad (.ci/run does)");
        Process process = new ProcessBuilder("/usr/bin/python3", launcher.toString(), annexB.toString(),
                Integer.toString(mounts), Integer.toString(port), Integer.toString(fps)).redirectErrorStream(true)
                .start();
        try {
            awaitLine(process, "serving");
        } catch (IOException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the RTSP server did not start", e);
        }
        return new RtspCameraSimulator(process, port);
    }

    /**
     * Waits up to 30 s for a launcher's line that starts with {@code prefix}, then keeps draining its output so it
     * never blocks on a full pipe.
     */
    static void awaitLine(Process process, String prefix) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                String next;
                while ((next = output.readLine()) != null) {
                    if (next.startsWith(prefix)) {
                        return next;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        if (line == null) {
            throw new IOException("no '" + prefix + "' line: the process ended");
        }
        CompletableFuture.runAsync(() -> output.lines().forEach(l -> { }));
    }

    static boolean gstreamerRtspAvailable() {
        try {
            Process check = new ProcessBuilder("/usr/bin/python3", "-c",
                    "import gi; gi.require_version('GstRtspServer', '1.0'); from gi.repository import GstRtspServer")
                    .redirectErrorStream(true).start();
            return check.waitFor(20, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Copies the H.264 of an MP4 into a raw Annex-B stream, without re-encoding. */
    public static void remuxToAnnexB(Path mp4, Path target) throws Exception {
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

    /**
     * The first {@code frames} pictures of a clip encoded as H.265 by Debian's ffmpeg with libx265 into a raw Annex-B
     * stream, as an H.265 camera sends it: a keyframe every 10 pictures, no B-frames, an access unit delimiter before
     * each picture. Skips the calling test where ffmpeg is absent.
     */
    public static void encodeHevc(Path clip, Path target, int frames) throws Exception {
        TestData.skipUnless(Files.isExecutable(Path.of("/usr/bin/ffmpeg")),
                "Debian's ffmpeg absent: apt-get install ffmpeg (.ci/run does)");
        Process ffmpeg = new ProcessBuilder("/usr/bin/ffmpeg", "-v", "error", "-y", "-i", clip.toString(),
                "-frames:v", Integer.toString(frames), "-c:v", "libx265", "-preset", "ultrafast",
                "-x265-params", "keyint=10:min-keyint=10:bframes=0:aud=1:repeat-headers=1:log-level=error",
                "-f", "hevc", target.toString()).redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ffmpeg.waitFor(120, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
            throw new IOException("ffmpeg could not encode H.265: " + output);
        }
    }

    /** A TCP port on loopback that nothing listens on right now. */
    public static int freePort() throws IOException {
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
