package nl.uitkijk.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A live camera on loopback: Debian's ffmpeg renders a test picture now (25 fps), burns the wall clock into it (as
 * text with {@code drawtext}, and as the demo camera's machine-readable time code: 32 blocks of the epoch
 * milliseconds' low bits at the top right, which the console's latency benchmark reads back), encodes a main stream
 * (1280×720) and a sub-stream (640×360) with libx264 or libx265 the way a camera does (no B-frames, a keyframe every
 * two seconds) and sends them as RTP to a GStreamer RTSP server that serves them at
 * {@code /Streaming/Channels/101} and {@code /102} (the paths of a Hikvision camera, so the Hikvision simulator can
 * point at it). A text file drawn into the picture (reloaded with every frame) makes the picture move on command:
 * the PTZ-feel benchmark writes it when the simulated camera is told to move.
 */
public final class LiveRtspCamera implements AutoCloseable {

    public static final String MAIN = "/Streaming/Channels/101";
    public static final String SUB = "/Streaming/Channels/102";
    private static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";

    private final List<Process> processes;
    private final int port;
    private final Path motionText;

    private LiveRtspCamera(List<Process> processes, int port, Path motionText) {
        this.processes = processes;
        this.port = port;
        this.motionText = motionText;
    }

    /** Starts the encoder and the RTSP server; {@code codec} is h264 or h265. */
    public static LiveRtspCamera start(Path folder, String codec) throws Exception {
        TestData.skipUnless(Files.isExecutable(Path.of("/usr/bin/ffmpeg")),
                "Debian's ffmpeg absent: apt-get install ffmpeg (.ci/run does)");
        TestData.skipUnless(Files.isRegularFile(Path.of(FONT)), "the DejaVu fonts are absent: apt-get install "
                + "fonts-dejavu-core (.ci/run does)");
        TestData.skipUnless(RtspCameraSimulator.gstreamerRtspAvailable(), "GStreamer RTSP server absent: apt-get "
                + "install gir1.2-gst-rtsp-server-1.0 python3-gi gstreamer1.0-plugins-good gstreamer1.0-plugins-bad");
        Path launcher = folder.resolve("live_rtsp_server.py");
        try (InputStream script = LiveRtspCamera.class.getResourceAsStream("live_rtsp_server.py")) {
            Files.copy(script, launcher, StandardCopyOption.REPLACE_EXISTING);
        }
        Path motionText = folder.resolve("motion.txt");
        Files.writeString(motionText, "PTZ 0");
        int port = RtspCameraSimulator.freePort();
        int mainUdp = RtspCameraSimulator.freePort();
        int subUdp = RtspCameraSimulator.freePort();
        List<Process> processes = new ArrayList<>();
        try {
            Process server = new ProcessBuilder("/usr/bin/python3", launcher.toString(), Integer.toString(port),
                    MAIN + ":" + codec + ":" + mainUdp, SUB + ":" + codec + ":" + subUdp)
                    .redirectErrorStream(true).start();
            processes.add(server);
            RtspCameraSimulator.awaitLine(server, "serving");
            String encoder = "h265".equals(codec) ? "libx265" : "libx264";
            List<String> command = new ArrayList<>(List.of("/usr/bin/ffmpeg", "-v", "error", "-re", "-f", "lavfi",
                    "-i", "testsrc2=size=1280x720:rate=25", "-filter_complex", filters(motionText)));
            for (String[] output : new String[][] { { "[main]", Integer.toString(mainUdp) },
                { "[sub]", Integer.toString(subUdp) } }) {
                command.addAll(List.of("-map", output[0], "-fps_mode", "passthrough", "-c:v", encoder,
                        "-preset", "ultrafast", "-tune", "zerolatency", "-g", "50", "-bf", "0"));
                if ("h265".equals(codec)) {
                    command.addAll(List.of("-x265-params", "log-level=error:repeat-headers=1"));
                }
                command.addAll(List.of("-f", "rtp", "rtp://127.0.0.1:" + output[1]));
            }
            Path log = folder.resolve("ffmpeg.log");
            Process ffmpeg = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            processes.add(ffmpeg);
            Thread.sleep(1000);
            if (!ffmpeg.isAlive()) {
                throw new IOException("ffmpeg ended at once: " + Files.readString(log));
            }
        } catch (Exception e) {
            processes.forEach(Process::destroyForcibly);
            throw e;
        }
        return new LiveRtspCamera(processes, port, motionText);
    }

    /**
     * The picture: wall-clock times as presentation times (milliseconds), the clock as text, the motion text, then
     * per stream its size and the time-code blocks (a block is width/120 pixels, at least 8, as the demo camera's).
     */
    private static String filters(Path motionText) {
        String text = "drawtext=fontfile=" + FONT + ":fontsize=%d:fontcolor=white:box=1:boxcolor=black:";
        return "[0:v]settb=1/1000,setpts=RTCTIME/1000,"
                + String.format(text, 40) + "text='%{localtime\\:%T}':x=20:y=60,"
                + String.format(text, 120) + "textfile=" + motionText + ":reload=1:x=40:y=200,"
                + "format=yuv420p,split[m][s];[s]scale=640:360,format=yuv420p[small];"
                + timeCode("[m]", 1280, "[main]") + ";" + timeCode("[small]", 640, "[sub]");
    }

    private static String timeCode(String in, int width, String out) {
        int block = Math.max(8, width / 120);
        int left = width - block * 33;
        // white (235) where bit 31 - x/block of the frame time's epoch milliseconds is set, black (16) elsewhere
        String bit = "if(mod(floor(mod(floor(T*1000)\\,4294967296)/pow(2\\,31-floor(X/" + block
                + ")))\\,2)\\,235\\,16)";
        String label = out.substring(1, out.length() - 1);
        return in + "split[" + label + "a][" + label + "b];[" + label + "b]crop=" + block * 32 + ":" + block + ":"
                + left + ":4,geq=lum='" + bit + "':cb=128:cr=128[" + label + "c];[" + label + "a][" + label
                + "c]overlay=" + left + ":4,format=yuv420p" + out;
    }

    /** The RTSP port; the main stream is {@code rtsp://127.0.0.1:port/Streaming/Channels/101}. */
    public int port() {
        return port;
    }

    public String url(String mount) {
        return "rtsp://127.0.0.1:" + port + mount;
    }

    /** Changes the big text in the picture (atomically: ffmpeg reloads it with every frame). */
    public void showText(String text) throws IOException {
        Path next = motionText.resolveSibling("motion.next");
        Files.writeString(next, text);
        Files.move(next, motionText, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : (Iterable<Process>) () -> new java.util.ArrayDeque<>(processes).descendingIterator()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
