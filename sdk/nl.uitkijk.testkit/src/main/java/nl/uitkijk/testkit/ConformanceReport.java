package nl.uitkijk.testkit;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The results of a conformance kit's checks, as they pass or fail, for the JSON report procurement reads: each check
 * by its name with {@code passed}, {@code failed} or {@code not applicable} and a detail.
 */
final class ConformanceReport {

    /** A kit's test instance: where the watcher puts the results. */
    interface Kit {
        ConformanceReport report();
    }

    private final Map<String, String[]> results = new TreeMap<>();

    boolean passed() {
        return results.values().stream().noneMatch(result -> result[0].equals("failed"));
    }

    /** The checks as JSON array elements, one per line, indented for the report. */
    String checks() {
        return results.entrySet().stream().map(e -> "    {\"check\": \"" + json(e.getKey()) + "\", \"result\": \""
                + e.getValue()[0] + "\", \"detail\": \"" + json(e.getValue()[1]) + "\"}")
                .collect(Collectors.joining(",\n"));
    }

    static String json(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }

    /** Registered on a kit with {@code @ExtendWith(ConformanceReport.Watcher.class)}. */
    static final class Watcher implements TestWatcher {
        private static Map<String, String[]> results(ExtensionContext context) {
            return ((Kit) context.getRequiredTestInstance()).report().results;
        }

        @Override
        public void testSuccessful(ExtensionContext context) {
            results(context).put(context.getDisplayName(), new String[] {"passed", ""});
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            results(context).put(context.getDisplayName(), new String[] {"failed", String.valueOf(cause
                    .getMessage())});
        }

        @Override
        public void testAborted(ExtensionContext context, Throwable cause) {
            results(context).put(context.getDisplayName(), new String[] {"not applicable", String.valueOf(cause
                    .getMessage())});
        }
    }
}
