package nl.uitkijk.testkit;

import java.util.Map;
import nl.uitkijk.api.connector.ControlRoomConnector;

/**
 * The connector conformance kit on a {@link ConnectorBench}, with connectors made by whoever runs it: a running
 * installation creates each as a platform connector instance (so the installed bundle, its configuration handling
 * and its secrets are what is checked) and removes it after the check.
 */
public class BenchConnectorConformance extends ConnectorConformance {

    /** Makes and removes the connectors the kit checks. */
    public interface Connectors {
        /** A started connector for the configuration (the kind's keys). */
        ControlRoomConnector start(Map<String, Object> config) throws Exception;

        /** Stops and removes it, as uninstalling its configuration does. */
        void stop(ControlRoomConnector connector) throws Exception;
    }

    private final String kind;
    private final ConnectorBench bench;
    private final Connectors connectors;

    public BenchConnectorConformance(String kind, ConnectorBench bench, Connectors connectors) {
        this.kind = kind;
        this.bench = bench;
        this.connectors = connectors;
    }

    @Override
    protected String kind() {
        return kind;
    }

    @Override
    protected ConnectorPeer startPeer() throws Exception {
        return bench.startPeer();
    }

    @Override
    protected ControlRoomConnector startConnector(ConnectorPeer peer) throws Exception {
        return connectors.start(bench.config(peer, TIMEOUT));
    }

    @Override
    protected void stopConnector(ControlRoomConnector connector) throws Exception {
        connectors.stop(connector);
    }
}
