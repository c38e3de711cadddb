package nl.uitkijk.testkit;

import java.util.List;
import java.util.UUID;

/**
 * A control room's receiver for connector tests, able to misbehave on request. The connector under test is pointed
 * at {@link #host()}:{@link #port()} once; the peer then changes what answers there.
 */
public interface ConnectorPeer extends AutoCloseable {

    enum Behaviour {
        /** Receives and confirms. */
        ACCEPT,
        /** Answers with a refusal for good (HTTP 400, DC-09 DUH); a protocol without one does not support it. */
        REFUSE,
        /** Answers with a passing failure (HTTP 503, DC-09 NAK without a usable time). */
        FAIL,
        /** Accepts the connection, reads, never answers. */
        HANG,
        /** Answers with bytes that are no reply of the protocol. */
        GARBAGE,
        /** Nobody listens (connection refused); open connections are cut. */
        DOWN
    }

    String host();

    int port();

    void behave(Behaviour behaviour) throws Exception;

    /** Whether the protocol has a refusal for good. */
    boolean canRefuse();

    /** The alarm ids the receiver confirmed, in order, repeats included. */
    List<UUID> received();

    @Override
    void close() throws Exception;
}
