package nl.uitkijk.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's ffprobe/ffmpeg view of a video file, so that recordings and exports are checked by an independent tool,
 * not only by our own code: codec, size, duration, and what ffmpeg reports when it decodes every frame. Skips the
 * calling test, with the reason, where ffmpeg is not installed.
 *
 * @param errors what {@code ffmpeg -v error} printed while decoding everything; empty for a clean file
 */
public record Ffprobe(String codec, int width, int height, double seconds, String errors) {

    public static Ffprobe of(Path file) throws IOException, InterruptedException {
        TestData.skipUnless(Files.isExecutable(Path.of("/usr/bin/ffprobe")),
                "Debian's ffmpeg/ffprobe absent: apt-get install ffmpeg (.ci/run does)");
        String[] fields = run("/usr/bin/ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=codec_name,width,height:format=duration", "-of", "csv=p=0:nk=1", file.toString())
                .trim().split("\\R");
        if (fields.length < 2) {
            throw new AssertionError("ffprobe cannot read " + file + ": " + String.join(" ", fields));
        }
        String[] stream = fields[0].split(",");
        String errors = run("/usr/bin/ffmpeg", "-v", "error", "-i", file.toString(), "-f", "null", "-").trim();
        return new Ffprobe(stream[0], Integer.parseInt(stream[1]), Integer.parseInt(stream[2]),
                Double.parseDouble(fields[1]), errors);
    }

    /**
     * How many frames ffprobe decodes in a file, also a raw elementary stream (its format told by the file name,
     * e.g. {@code .h264}); throws when ffmpeg reports decoding errors.
     */
    public static int decodedFrames(Path file) throws IOException, InterruptedException {
        TestData.skipUnless(Files.isExecutable(Path.of("/usr/bin/ffprobe")),
                "Debian's ffmpeg/ffprobe absent: apt-get install ffmpeg (.ci/run does)");
        String out = run("/usr/bin/ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file.toString()).trim();
        try {
            return Integer.parseInt(out);
        } catch (NumberFormatException e) {
            throw new AssertionError("ffprobe cannot decode " + file + ": " + out);
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command[0] + " did not finish");
        }
        return output;
    }
}
