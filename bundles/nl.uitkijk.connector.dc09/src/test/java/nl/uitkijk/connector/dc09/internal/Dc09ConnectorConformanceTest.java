package nl.uitkijk.connector.dc09.internal;

import java.time.Clock;
import java.util.Map;
import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.testkit.BenchConnectorConformance;
import nl.uitkijk.testkit.ConnectorBench;

/**
 * The DC-09 connector (TCP, AES-128) against the test kit's receiver written from the specification, on the bench
 * an installation's certification uses.
 */
class Dc09ConnectorConformanceTest extends BenchConnectorConformance {

    Dc09ConnectorConformanceTest() {
        super("dc09", ConnectorBench.forKind("dc09").orElseThrow(), new Connectors() {
            @Override
            public ControlRoomConnector start(Map<String, Object> c) {
                return new Dc09Connector("ocm", "OC Maastricht", (String) c.get("host"), (Integer) c.get("port"),
                        (String) c.get("protocol"), (String) c.get("account"), (String) c.get("receiver"),
                        (String) c.get("prefix"), (String) c.get("key"), (String) c.get("format"), TIMEOUT,
                        Clock.systemUTC());
            }

            @Override
            public void stop(ControlRoomConnector connector) {
                // a connection per message: nothing stays open
            }
        });
    }
}
