package nl.uitkijk.core.internal.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.api.discovery.DiscoveredCamera;
import nl.uitkijk.api.discovery.DiscoveryInbox;
import nl.uitkijk.api.discovery.DiscoveryParticipant;
import nl.uitkijk.testkit.InMemoryCameraRegistry;
import org.junit.jupiter.api.Test;

/** Found cameras wait in the inbox; only an approval adds one, with the administrator's settings winning. */
class DiscoveryInboxImplTest {

    private final InMemoryCameraRegistry registry = new InMemoryCameraRegistry();

    private static DiscoveryParticipant finding(String... hosts) {
        return new DiscoveryParticipant() {
            @Override
            public String driverId() {
                return "onvif";
            }

            @Override
            public void scan(Duration timeout, Consumer<DiscoveredCamera> found) {
                for (String host : hosts) {
                    found.accept(new DiscoveredCamera("onvif", "http://" + host + "/onvif/device_service",
                            new DeviceInfo(null, "HD", null, null), Map.of("host", host, "port", 80), Instant.now()));
                }
            }
        };
    }

    @Test
    void foundCamerasWaitUntilApprovedAndAreNotProposedTwice() throws Exception {
        DiscoveryInboxImpl inbox = new DiscoveryInboxImpl(registry);
        inbox.bindParticipant(finding("127.0.0.1", "127.0.0.2"));
        inbox.bindParticipant(new DiscoveryParticipant() {
            @Override
            public String driverId() {
                return "broken";
            }

            @Override
            public void scan(Duration timeout, Consumer<DiscoveredCamera> found) {
                throw new IllegalStateException("a participant bug");
            }
        });
        List<DiscoveryInbox.Entry> entries = inbox.scan(Duration.ofSeconds(1));
        assertEquals(2, entries.size(), "a failing participant does not stop the others");
        assertTrue(registry.cameras().isEmpty(), "nothing is added without approval");
        assertEquals(2, inbox.scan(Duration.ofSeconds(1)).size(), "found again, not duplicated");

        String entry = entries.get(0).id();
        inbox.approve(entry, new CameraDefinition("markt", "Markt", null, Map.of("username", "uitkijk",
                "password", "geheim", "port", 8080), new Location(50.88, 5.98, null, null), null, "centrum"));
        CameraDefinition camera = registry.cameras().get(0).definition();
        assertEquals("onvif", camera.driver());
        assertEquals(Map.of("host", "127.0.0.1", "port", 8080, "username", "uitkijk", "password", "geheim"),
                camera.config(), "the administrator's settings win");
        assertEquals(1, inbox.entries().size());
        assertEquals(1, inbox.scan(Duration.ofSeconds(1)).size(), "a configured camera is not proposed again");
        assertThrows(InvalidCameraException.class, () -> inbox.approve("nope", camera));
        assertTrue(inbox.dismiss(inbox.entries().get(0).id()));
        inbox.deactivate();
    }
}
