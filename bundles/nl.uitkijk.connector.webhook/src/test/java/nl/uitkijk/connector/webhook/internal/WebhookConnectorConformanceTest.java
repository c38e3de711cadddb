package nl.uitkijk.connector.webhook.internal;

import java.net.URI;
import java.time.Clock;
import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.testkit.ConnectorConformance;
import nl.uitkijk.testkit.ConnectorPeer;
import nl.uitkijk.testkit.WebhookReceiver;

/** The webhook connector against a real HTTP receiver that checks every signature. */
class WebhookConnectorConformanceTest extends ConnectorConformance {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Override
    protected String kind() {
        return "webhook";
    }

    @Override
    protected ConnectorPeer startPeer() throws Exception {
        return new WebhookReceiver(SECRET);
    }

    @Override
    protected ControlRoomConnector startConnector(ConnectorPeer peer) {
        return new WebhookConnector("police", "Politie", URI.create(((WebhookReceiver) peer).url()), SECRET, TIMEOUT,
                Clock.systemUTC());
    }

    @Override
    protected void stopConnector(ControlRoomConnector connector) {
        // nothing of its own runs: HttpURLConnection's keep-alive cache is the JDK's
    }
}
