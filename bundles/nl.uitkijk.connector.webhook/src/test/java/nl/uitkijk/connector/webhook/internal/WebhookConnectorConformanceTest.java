package nl.uitkijk.connector.webhook.internal;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.testkit.BenchConnectorConformance;
import nl.uitkijk.testkit.ConnectorBench;

/**
 * The webhook connector against the test kit's HTTP receiver that checks every signature, on the bench an
 * installation's certification uses.
 */
class WebhookConnectorConformanceTest extends BenchConnectorConformance {

    WebhookConnectorConformanceTest() {
        super("webhook", ConnectorBench.forKind("webhook").orElseThrow(), new Connectors() {
            @Override
            public ControlRoomConnector start(Map<String, Object> config) {
                return new WebhookConnector("police", "Politie", URI.create((String) config.get("url")),
                        (String) config.get("secret"), TIMEOUT, Clock.systemUTC());
            }

            @Override
            public void stop(ControlRoomConnector connector) {
                // nothing of its own runs: HttpURLConnection's keep-alive cache is the JDK's
            }
        });
    }
}
