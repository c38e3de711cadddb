package nl.uitkijk.api.connector;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Describes one kind of connector ({@code webhook}, {@code mqtt}, {@code dc09}) that a bundle brings: the platform
 * offers it to administrators, checks an instance's configuration with it before storing it, and creates instances
 * as factory configurations of {@link #factoryPid()}. A service, one per kind.
 */
@ConsumerType
public interface ConnectorKind {

    /** Short name used in the REST API ({@code webhook}). */
    String kind();

    String label();

    /** The factory PID whose configurations are this kind's instances. */
    String factoryPid();

    /** The configuration keys the kind reads (shown to administrators), without the platform's routing keys. */
    Set<String> keys();

    /** The keys whose values are secrets: never shown again, never logged. */
    Set<String> secretKeys();

    /** What is wrong with an instance's configuration, one line a problem (empty when it is fine). */
    List<String> validate(Map<String, Object> configuration);
}
