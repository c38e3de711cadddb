package nl.uitkijk.api.connector;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's control-room connector instances (a service): configured as ConfigAdmin factory configurations,
 * so they work alike from the REST API, the Karaf console and files in {@code etc/}.
 */
@ProviderType
public interface ControlRooms {

    /** The connector kinds whose bundles are installed. */
    List<ConnectorKind> kinds();

    List<ConnectorInstance> instances();

    Optional<ConnectorInstance> instance(String id);

    /**
     * Creates or changes an instance. A secret left out (or sent back as {@code ********}) keeps its stored value.
     *
     * @throws IllegalArgumentException naming what is wrong (an unknown kind, an invalid id or configuration)
     */
    ConnectorInstance put(String id, String kind, Map<String, Object> config, Routing routing);

    /**
     * Removes an instance; its undelivered alarms stay in the outbox (and go out if an instance of the same id
     * comes back).
     *
     * @return whether there was one
     */
    boolean remove(String id);
}
