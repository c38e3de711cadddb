package nl.uitkijk.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test data (real CCTV clips, ONVIF captures, plate photos): {@code -Duitkijk.testdata=...}, else
 * {@code ../shared/testdata} next to the checkout. Tests that need it are skipped, with the reason, where it is absent
 * (and fail under {@code CI=true}, where it is never absent).
 */
public final class TestData {

    public static final String PROPERTY = "uitkijk.testdata";

    private TestData() {
    }

    public static Path folder() {
        String configured = System.getProperty(PROPERTY);
        return configured != null ? Path.of(configured) : Path.of("..", "shared", "testdata");
    }

    /** A file or folder of the test data; skips the calling test, saying why on the console, where it is absent. */
    public static Path require(String relativePath) {
        Path file = folder().resolve(relativePath);
        skipUnless(Files.exists(file), "test data absent: " + file + " (set -D" + PROPERTY + "=...)");
        return file;
    }

    /**
     * Skips the calling test unless {@code condition}; the reason goes to the report and to the console. Under
     * {@code CI=true} it fails instead: CI always has the test data, GStreamer, ffmpeg and Chromium, so a test that
     * would skip there hides a broken set-up, and a run must never pass on silence.
     */
    public static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            if (onCi()) {
                throw new AssertionError("CI=true, yet this test would be skipped: " + reason);
            }
            System.err.println("SKIPPED: " + reason);
        }
        assumeTrue(condition, reason);
    }

    /** Whether this run is CI's ({@code CI=true} in the environment, as .ci/run is started). */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
