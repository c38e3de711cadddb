package nl.uitkijk.connector.mqtt.internal;

import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.testkit.ConnectorConformance;
import nl.uitkijk.testkit.ConnectorPeer;

/** The MQTT connector against a real Mosquitto. */
class MqttConnectorConformanceTest extends ConnectorConformance {

    @Override
    protected String kind() {
        return "mqtt";
    }

    @Override
    protected ConnectorPeer startPeer() throws Exception {
        return new MqttPeer("heerlen");
    }

    @Override
    protected ControlRoomConnector startConnector(ConnectorPeer peer) {
        MqttConnector connector = new MqttConnector("police", "Politie", ((MqttPeer) peer).uri(), "heerlen", "",
                "", "", TIMEOUT);
        return connector;
    }

    @Override
    protected void stopConnector(ControlRoomConnector connector) {
        ((MqttConnector) connector).stop();
    }
}
