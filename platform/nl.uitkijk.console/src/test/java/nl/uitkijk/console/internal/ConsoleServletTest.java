package nl.uitkijk.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConsoleServletTest {

    private static final Path ASSETS = Path.of("src/main/resources/console-assets");
    /** Third-party files, unpacked from their WebJar by the build. */
    private static final Path VENDOR = Path.of("target/classes/console-assets/vendor");

    private static Path file(String name) {
        return name.startsWith("vendor/") ? VENDOR.resolve(name.substring(7)) : ASSETS.resolve(name);
    }

    @Test
    void everyFileIsServedAndEveryServedFileExists() throws IOException {
        try (Stream<Path> files = Files.list(ASSETS); Stream<Path> vendor = Files.list(VENDOR)) {
            Set<String> present = Stream.concat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()),
                    vendor.map(f -> "vendor/" + f.getFileName())).collect(Collectors.toSet());
            assertEquals(present, ConsoleServlet.ASSETS.keySet());
        }
    }

    @Test
    void everyModuleImportAndEveryPageReferenceIsServed() throws IOException {
        Pattern reference = Pattern.compile("(?:from '\\./|src=\"|href=\")((?:vendor/)?[A-Za-z.]+\\.(?:js|css))");
        for (String name : ConsoleServlet.ASSETS.keySet()) {
            Matcher matcher = reference.matcher(Files.readString(file(name)));
            while (matcher.find()) {
                assertTrue(ConsoleServlet.ASSETS.containsKey(matcher.group(1)), name + " refers to " + matcher.group(1));
            }
        }
    }

    @Test
    void thePolicyAllowsOnlyTheConsolesOwnScriptsAndNoFraming() {
        assertTrue(ConsoleServlet.CSP.contains("script-src 'self'"));
        assertTrue(ConsoleServlet.CSP.contains("frame-ancestors 'none'"));
        assertTrue(!ConsoleServlet.CSP.contains("unsafe"), "no inline scripts or eval");
    }
}
