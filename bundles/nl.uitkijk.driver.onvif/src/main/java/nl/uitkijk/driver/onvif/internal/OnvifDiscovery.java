package nl.uitkijk.driver.onvif.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.discovery.DiscoveredCamera;
import nl.uitkijk.api.discovery.DiscoveryParticipant;
import nl.uitkijk.driver.base.HttpCameraSettings;
import nl.uitkijk.driver.base.XmlElement.XmlException;
import nl.uitkijk.driver.base.XmlElement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WS-Discovery for ONVIF cameras: one Probe for NetworkVideoTransmitters to the multicast group
 * 239.255.255.250:3702, and the ProbeMatches that come back within the scan's time, each parsed by the strict XML
 * layer and proposed to the discovery inbox. Replies that do not answer our probe, or that are not XML, are
 * dropped; nothing a reply names is contacted here.
 */
@Component(configurationPid = "nl.uitkijk.driver.onvif.discovery")
@Designate(ocd = OnvifDiscovery.Configuration.class)
public class OnvifDiscovery implements DiscoveryParticipant {

    @ObjectClassDefinition(name = "Uitkijk ONVIF discovery")
    public @interface Configuration {
        @AttributeDefinition(name = "Probe target", description = "Where the Probe goes: the WS-Discovery "
                + "multicast group, or one host:port (a camera in another network, a test simulator)")
        String probeTarget() default "239.255.255.250:3702";
    }

    static final int MAX_DATAGRAM = 65_507;
    private static final Logger LOG = LoggerFactory.getLogger(OnvifDiscovery.class);

    private final InetSocketAddress target;
    private final Clock clock;

    @Activate
    public OnvifDiscovery(Configuration configuration) {
        this(address(configuration.probeTarget()), Clock.systemUTC());
    }

    OnvifDiscovery(InetSocketAddress target, Clock clock) {
        this.target = target;
        this.clock = clock;
    }

    @Override
    public String driverId() {
        return OnvifCameraDriver.ID;
    }

    @Override
    public void scan(Duration timeout, Consumer<DiscoveredCamera> found) {
        String messageId = "urn:uuid:" + UUID.randomUUID();
        try (DatagramSocket socket = new DatagramSocket()) {
            byte[] probe = probe(messageId).getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(probe, probe.length, target));
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] buffer = new byte[MAX_DATAGRAM];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(reply);
                } catch (SocketTimeoutException e) {
                    return;
                }
                parse(Arrays.copyOf(reply.getData(), reply.getLength()), messageId).ifPresent(found);
            }
        } catch (IOException e) {
            LOG.warn("WS-Discovery probe to {} failed: {}", target, e.getMessage());
        }
    }

    /** A ProbeMatch answering our probe, as a proposed camera; anything else is dropped. */
    Optional<DiscoveredCamera> parse(byte[] datagram, String messageId) {
        XmlElement envelope;
        try {
            envelope = XmlElement.parse(datagram);
        } catch (XmlException e) {
            LOG.debug("A WS-Discovery reply was dropped: {}", e.getMessage());
            return Optional.empty();
        }
        String relatesTo = envelope.textAt("Header", "RelatesTo");
        if (!relatesTo.isEmpty() && !relatesTo.equals(messageId)) {
            return Optional.empty();
        }
        Optional<XmlElement> match = envelope.find("ProbeMatch").findFirst();
        if (match.isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> service = Arrays.stream(match.get().textAt("XAddrs").split("\\s+"))
                .filter(a -> a.startsWith("http://") || a.startsWith("https://")).map(OnvifDiscovery::uri)
                .flatMap(Optional::stream).filter(u -> u.getHost() != null).findFirst();
        if (service.isEmpty()) {
            return Optional.empty();
        }
        URI uri = service.get();
        int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        String scopes = match.get().textAt("Scopes");
        String hardware = scope(scopes, "hardware").orElse(null);
        String name = scope(scopes, "name").orElse(null);
        DeviceInfo device = new DeviceInfo(scope(scopes, "mfr").orElse(null), hardware == null ? name
                : name == null || name.equals(hardware) ? hardware : hardware + " (" + name + ")", null, null);
        return Optional.of(new DiscoveredCamera(OnvifCameraDriver.ID, uri.toString(), device,
                Map.of(HttpCameraSettings.HOST, uri.getHost(), HttpCameraSettings.PORT, port), clock.instant()));
    }

    private static Optional<URI> uri(String text) {
        try {
            return Optional.of(URI.create(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An ONVIF scope value, e.g. {@code onvif://www.onvif.org/name/Markt%20noord}. */
    private static Optional<String> scope(String scopes, String kind) {
        String prefix = "onvif://www.onvif.org/" + kind + "/";
        return Arrays.stream(scopes.split("\\s+")).filter(s -> s.startsWith(prefix) && s.length() > prefix.length())
                .map(s -> URLDecoder.decode(s.substring(prefix.length()), StandardCharsets.UTF_8))
                .map(s -> s.length() > 100 ? s.substring(0, 100) : s).findFirst();
    }

    static String probe(String messageId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><e:Envelope xmlns:e=\"http://www.w3.org/2003/05/"
                + "soap-envelope\" xmlns:w=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:d=\"http://"
                + "schemas.xmlsoap.org/ws/2005/04/discovery\" xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\">"
                + "<e:Header><w:MessageID>" + messageId + "</w:MessageID><w:To e:mustUnderstand=\"true\">"
                + "urn:schemas-xmlsoap-org:ws:2005:04:discovery</w:To><w:Action e:mustUnderstand=\"true\">"
                + "http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</w:Action></e:Header><e:Body><d:Probe>"
                + "<d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></e:Body></e:Envelope>";
    }

    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon).strip(),
                Integer.parseInt(hostPort.substring(colon + 1).strip()));
    }
}
