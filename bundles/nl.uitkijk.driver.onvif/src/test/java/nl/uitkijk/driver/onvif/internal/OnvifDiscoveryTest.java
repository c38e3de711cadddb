package nl.uitkijk.driver.onvif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.uitkijk.api.discovery.DiscoveredCamera;
import nl.uitkijk.testkit.OnvifCameraSimulator;
import org.junit.jupiter.api.Test;

/** WS-Discovery against the simulator's captured ProbeMatch, and replies that must be dropped. */
class OnvifDiscoveryTest {

    @Test
    void aProbeFindsTheCameraAndProposesItsAddress() throws Exception {
        try (OnvifCameraSimulator camera = OnvifCameraSimulator.start("uitkijk", "geheim", null)) {
            OnvifDiscovery discovery = new OnvifDiscovery(new InetSocketAddress("127.0.0.1", camera.discoveryPort()),
                    Clock.systemUTC());
            List<DiscoveredCamera> found = new CopyOnWriteArrayList<>();
            long started = System.nanoTime();
            discovery.scan(Duration.ofSeconds(1), found::add);
            assertTrue(System.nanoTime() - started < 1_800_000_000L, "the scan keeps to its time");
            assertEquals(1, found.size());
            DiscoveredCamera match = found.get(0);
            assertEquals("onvif", match.driverId());
            assertEquals("http://127.0.0.1:" + camera.port() + "/onvif/device_service", match.address());
            assertEquals("127.0.0.1", match.proposedConfig().get("host"));
            assertEquals(camera.port(), match.proposedConfig().get("port"));
            assertEquals("HD_PREDATOR (PREDATOR)", match.device().model());
            assertEquals(1, camera.calls("Probe"));
        }
    }

    @Test
    void repliesToSomeoneElsesProbeOrNotXmlAreDropped() {
        OnvifDiscovery discovery = new OnvifDiscovery(new InetSocketAddress("127.0.0.1", 9), Clock.systemUTC());
        String match = "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\"><e:Header><a:RelatesTo "
                + "xmlns:a=\"x\">urn:uuid:other</a:RelatesTo></e:Header><e:Body><d:ProbeMatches xmlns:d=\"y\">"
                + "<d:ProbeMatch><d:XAddrs>http://192.0.2.1/onvif/device_service</d:XAddrs></d:ProbeMatch>"
                + "</d:ProbeMatches></e:Body></e:Envelope>";
        assertTrue(discovery.parse(match.getBytes(StandardCharsets.UTF_8), "urn:uuid:mine").isEmpty());
        assertEquals("http://192.0.2.1/onvif/device_service", discovery.parse(match.replace("urn:uuid:other",
                "urn:uuid:mine").getBytes(StandardCharsets.UTF_8), "urn:uuid:mine").orElseThrow().address());
        assertTrue(discovery.parse("<!DOCTYPE x [<!ENTITY e \"x\">]><x>&e;</x>".getBytes(StandardCharsets.UTF_8),
                "urn:uuid:mine").isEmpty());
        assertTrue(discovery.parse(new byte[] { 0, 1, 2 }, "urn:uuid:mine").isEmpty());
        assertTrue(discovery.parse(match.replace("http://192.0.2.1/onvif/device_service", "ftp://x")
                .replace("urn:uuid:other", "urn:uuid:mine").getBytes(StandardCharsets.UTF_8), "urn:uuid:mine")
                .isEmpty(), "no HTTP service address, no camera");
    }
}
