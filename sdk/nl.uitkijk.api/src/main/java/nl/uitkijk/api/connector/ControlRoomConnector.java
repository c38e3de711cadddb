package nl.uitkijk.api.connector;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers alarms to one control room (police, municipal supervision, regional operations centre). Registered as
 * a whiteboard service with {@value #CONNECTOR_ID}. The platform keeps each alarm in its own store until a
 * delivery returns {@link DeliveryResult.Outcome#DELIVERED} or {@code REJECTED}: a connector never has to queue.
 */
@ConsumerType
public interface ControlRoomConnector {

    String CONNECTOR_ID = "uitkijk.connector.id";

    String id();

    String label();

    /** Tries once to deliver; must return within its configured timeout and never throw for a peer's failure. */
    DeliveryResult deliver(Alarm alarm);

    /** Whether the control room is reachable, as far as the connector knows. */
    boolean connected();
}
