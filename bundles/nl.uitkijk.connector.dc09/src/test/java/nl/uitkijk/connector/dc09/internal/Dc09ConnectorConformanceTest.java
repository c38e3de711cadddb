package nl.uitkijk.connector.dc09.internal;

import java.time.Clock;
import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.testkit.ConnectorConformance;
import nl.uitkijk.testkit.ConnectorPeer;
import nl.uitkijk.testkit.Dc09Receiver;

/** The DC-09 connector (TCP, AES-128) against the test kit's receiver written from the specification. */
class Dc09ConnectorConformanceTest extends ConnectorConformance {

    static final String KEY = "000102030405060708090A0B0C0D0E0F";

    @Override
    protected String kind() {
        return "dc09";
    }

    @Override
    protected ConnectorPeer startPeer() throws Exception {
        return new Dc09Receiver().account("4711", KEY);
    }

    @Override
    protected ControlRoomConnector startConnector(ConnectorPeer peer) {
        return new Dc09Connector("ocm", "OC Maastricht", peer.host(), peer.port(), "tcp", "4711", "12", "3", KEY,
                "SIA-DCS", TIMEOUT, Clock.systemUTC());
    }

    @Override
    protected void stopConnector(ControlRoomConnector connector) {
        // a connection per message: nothing stays open
    }
}
