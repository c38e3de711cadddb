package ${package};

import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.testkit.ConnectorConformance;
import nl.uitkijk.testkit.ConnectorPeer;

/** The checks every Uitkijk connector passes, against this connector's own receiver. */
class ${nameClass}ConnectorConformanceTest extends ConnectorConformance {

    @Override
    protected String kind() {
        return "${name}";
    }

    @Override
    protected ConnectorPeer startPeer() throws Exception {
        return new ${nameClass}Receiver();
    }

    @Override
    protected ControlRoomConnector startConnector(ConnectorPeer peer) {
        return new ${nameClass}Connector("meldkamer", "${nameClass}", peer.host(), peer.port(), TIMEOUT);
    }

    @Override
    protected void stopConnector(ControlRoomConnector connector) {
        // a connection per alarm: nothing stays open
    }
}
