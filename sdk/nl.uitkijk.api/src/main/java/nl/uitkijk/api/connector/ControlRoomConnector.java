package nl.uitkijk.api.connector;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers alarms to one control room (police, municipal supervision, regional operations centre). One service per
 * connector instance, made by Declarative Services from a ConfigAdmin factory configuration of the kind's
 * {@link ConnectorKind#factoryPid()}; the service carries {@value #CONNECTOR_ID}. The platform keeps each alarm in
 * its outbox until a delivery returns {@link DeliveryResult.Outcome#DELIVERED} or {@code REJECTED}, tries the
 * instance's alarms one at a time in the order they were raised, and backs off between retries: a connector never
 * queues, never retries by itself and never needs a thread of its own for delivery.
 */
@ConsumerType
public interface ControlRoomConnector {

    /** Service and configuration property: the instance id ({@code police}). */
    String CONNECTOR_ID = "uitkijk.connector.id";
    /** Configuration property: the name operators see ({@code Politie meldkamer Limburg}). */
    String LABEL = "uitkijk.connector.label";

    String id();

    String label();

    /**
     * Tries once to deliver; must return within its configured timeout and never throw for a peer's failure. The
     * same alarm may be offered again (after a restart, say): it then carries the same id.
     */
    DeliveryResult deliver(Alarm alarm);

    /** Whether the control room is reachable, as far as the connector knows. */
    boolean connected();
}
