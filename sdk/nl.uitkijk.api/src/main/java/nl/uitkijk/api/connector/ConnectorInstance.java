package nl.uitkijk.api.connector;

import java.time.Instant;
import java.util.Map;

/**
 * One configured control-room connector instance and how its deliveries stand.
 *
 * @param id the instance id ({@code police})
 * @param kind the connector kind ({@code webhook})
 * @param label what operators see
 * @param config its configuration, secrets shown as {@code ********}
 * @param routing which alarms it receives
 * @param installed whether a bundle of its kind runs it now (an uninstalled kind keeps its alarms waiting)
 * @param connected whether the control room is reachable, as far as the connector knows
 * @param backlog alarms not yet delivered (pending or retrying)
 * @param failingSince since when the oldest undelivered alarm fails, or {@code null}
 * @param lastError the last failure, or {@code null}
 */
public record ConnectorInstance(String id, String kind, String label, Map<String, Object> config, Routing routing,
        boolean installed, boolean connected, long backlog, Instant failingSince, String lastError) {
}
