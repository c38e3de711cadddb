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

    @Test
    void everyFileIsServedAndEveryServedFileExists() throws IOException {
        try (Stream<Path> files = Files.list(ASSETS)) {
            Set<String> present = files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
            assertEquals(present, ConsoleServlet.ASSETS.keySet());
        }
    }

    @Test
    void everyModuleImportAndEveryPageReferenceIsServed() throws IOException {
        Pattern reference = Pattern.compile("(?:from '\\./|src=\"|href=\")([a-z]+\\.(?:js|css))");
        for (String name : ConsoleServlet.ASSETS.keySet()) {
            Matcher matcher = reference.matcher(Files.readString(ASSETS.resolve(name)));
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
