package nl.uitkijk.driver.onvif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import nl.uitkijk.testkit.OnvifCameraSimulator;
import nl.uitkijk.testkit.TestData;
import org.junit.jupiter.api.Test;

/**
 * The simulator must answer as a camera does, or our driver's tests prove nothing: here a widely used third-party
 * client (npm {@code onvif@0.8.3}, with its own WS-Security digest and clock handling) connects to it.
 */
class OnvifClientInteropTest {

    @Test
    void theNpmOnvifClientConnectsToTheSimulatorAsToACamera() throws Exception {
        TestData.skipUnless(Files.isExecutable(Path.of("/usr/bin/node")) && Files.isExecutable(Path.of("/usr/bin/npm")),
                "Node.js and npm absent: apt-get install nodejs npm (.ci/run does)");
        Path work = Path.of("target", "node");
        Files.createDirectories(work);
        for (String file : new String[] { "package.json", "onvif-client.js" }) {
            Files.copy(Path.of("src", "test", "node", file), work.resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(work.resolve("node_modules/onvif"))) {
            String installed = run(work, 300, "/usr/bin/npm", "install", "--no-audit", "--no-fund", "--silent");
            TestData.skipUnless(Files.isDirectory(work.resolve("node_modules/onvif")),
                    "npm could not install onvif@0.8.3: " + installed);
        }
        try (OnvifCameraSimulator camera = OnvifCameraSimulator.start("uitkijk", "geheim",
                "rtsp://127.0.0.1:8554/cam1")) {
            String output = run(work, 60, "/usr/bin/node", "onvif-client.js", Integer.toString(camera.port()),
                    "uitkijk", "geheim").strip();
            assertTrue(output.startsWith("{"), output);
            assertTrue(output.contains("\"manufacturer\":\"Mockup Manufacturer\""), output);
            assertTrue(output.contains("\"stream\":\"rtsp://127.0.0.1:8554/cam1\""), output);
            assertEquals(0, camera.refused(), "its digests were accepted: " + output);

            String refused = run(work, 60, "/usr/bin/node", "onvif-client.js", Integer.toString(camera.port()),
                    "uitkijk", "fout");
            assertTrue(camera.refused() > 0, "a wrong password is refused as a camera does: " + refused);
        }
    }

    private static String run(Path folder, int seconds, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command[0] + " did not finish: " + output);
        }
        return output;
    }
}
