package nl.uitkijk.testkit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A control room's receiver for one connector kind and the configuration that points a connector of that kind at
 * it, in the keys the kind's factory configuration reads: what a certification in a running installation needs to
 * create a connector instance through the platform and run {@link ConnectorConformance} on it. The receivers need
 * only the JDK.
 */
public abstract class ConnectorBench {

    /** The signing secret of the bench's webhook receiver (Standard Webhooks, {@code whsec_} and base64). */
    static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    /** The AES-128 key of the bench's DC-09 receiver, as the connector's {@code key} takes it (hex). */
    static final String DC09_KEY = "000102030405060708090A0B0C0D0E0F";

    /** The bench for a connector kind ({@code webhook}, {@code dc09}) the test kit has a receiver for. */
    public static Optional<ConnectorBench> forKind(String kind) {
        return switch (kind) {
            case "webhook" -> Optional.of(new ConnectorBench() {
                @Override
                public ConnectorPeer startPeer() throws Exception {
                    return new WebhookReceiver(WEBHOOK_SECRET);
                }

                @Override
                public Map<String, Object> config(ConnectorPeer peer, Duration timeout) {
                    return Map.of("url", ((WebhookReceiver) peer).url(), "secret", WEBHOOK_SECRET,
                            "timeoutSeconds", timeout.toSeconds());
                }
            });
            case "dc09" -> Optional.of(new ConnectorBench() {
                @Override
                public ConnectorPeer startPeer() throws Exception {
                    return new Dc09Receiver().account("4711", DC09_KEY);
                }

                @Override
                public Map<String, Object> config(ConnectorPeer peer, Duration timeout) {
                    return Map.of("host", peer.host(), "port", peer.port(), "protocol", "tcp", "account", "4711",
                            "receiver", "12", "prefix", "3", "key", DC09_KEY, "format", "SIA-DCS",
                            "timeoutSeconds", timeout.toSeconds());
                }
            });
            default -> Optional.empty();
        };
    }

    /** Starts the receiver on loopback. */
    public abstract ConnectorPeer startPeer() throws Exception;

    /** The connector configuration (the kind's keys) that points at the receiver, with the delivery timeout. */
    public abstract Map<String, Object> config(ConnectorPeer peer, Duration timeout);
}
