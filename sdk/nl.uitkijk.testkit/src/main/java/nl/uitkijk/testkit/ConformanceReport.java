package nl.uitkijk.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The results of a conformance kit's checks, as they pass or fail, for the JSON report procurement reads: each check
 * by its name with {@code passed}, {@code failed} or {@code not applicable} and a detail. Under JUnit the report is
 * written to {@code target/conformance/}; run by {@link KitRun} in an installation it is kept in memory instead.
 */
final class ConformanceReport {

    /** A kit's test instance: where the watcher puts the results. */
    interface Kit {
        ConformanceReport report();
    }

    private final Map<String, String[]> results = new TreeMap<>();
    private Path directory = Path.of("target", "conformance");
    private String written;

    boolean passed() {
        return results.values().stream().noneMatch(result -> result[0].equals("failed"));
    }

    void record(String check, String result, String detail) {
        results.put(check, new String[] {result, detail == null ? "" : detail});
    }

    /** The checks as JSON array elements, one per line, indented for the report. */
    String checks() {
        return results.entrySet().stream().map(e -> "    {\"check\": \"" + json(e.getKey()) + "\", \"result\": \""
                + e.getValue()[0] + "\", \"detail\": \"" + json(e.getValue()[1]) + "\"}")
                .collect(Collectors.joining(",\n"));
    }

    /** Keeps the report in memory rather than writing it to a file (an installation has no build directory). */
    void keepInMemory() {
        directory = null;
    }

    /** Writes the finished report (or keeps it, see {@link #keepInMemory()}). */
    void write(String fileName, String json) throws IOException {
        written = json;
        if (directory != null) {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(fileName), json, StandardCharsets.UTF_8);
        }
    }

    /** The report as last written, or null before the kit finished. */
    String written() {
        return written;
    }

    static String json(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '"' -> escaped.append("\\\"");
                case '\n', '\r', '\t' -> escaped.append(' ');
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** Registered on a kit with {@code @ExtendWith(ConformanceReport.Watcher.class)}. */
    static final class Watcher implements TestWatcher {
        private static ConformanceReport report(ExtensionContext context) {
            return ((Kit) context.getRequiredTestInstance()).report();
        }

        @Override
        public void testSuccessful(ExtensionContext context) {
            report(context).record(context.getDisplayName(), "passed", "");
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            report(context).record(context.getDisplayName(), "failed", String.valueOf(cause.getMessage()));
        }

        @Override
        public void testAborted(ExtensionContext context, Throwable cause) {
            report(context).record(context.getDisplayName(), "not applicable", String.valueOf(cause.getMessage()));
        }
    }
}
