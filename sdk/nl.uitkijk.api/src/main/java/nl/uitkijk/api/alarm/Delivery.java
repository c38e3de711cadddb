package nl.uitkijk.api.alarm;

import java.time.Instant;

/**
 * What became of one alarm at one control-room connector instance. Stored with the alarm in the same transaction,
 * so an alarm is never without its deliveries.
 *
 * @param connectorId the connector instance ({@code police}, {@code toezicht}, …)
 * @param attempts how often delivery was tried
 * @param lastError the receiver's or the network's last word, or {@code null}
 * @param lastAttemptAt when it was last tried, or {@code null}
 * @param deliveredAt when the receiver confirmed it, or {@code null}
 * @param failingSince when the first attempt that did not deliver was made, or {@code null}
 */
public record Delivery(String connectorId, State state, int attempts, String lastError, Instant lastAttemptAt,
        Instant deliveredAt, Instant failingSince) {

    public enum State {
        /** Not tried yet. */
        PENDING,
        /** Tried, not confirmed: tried again with a back-off. */
        RETRYING,
        /** The receiver confirmed it. */
        DELIVERED,
        /** The receiver refused it for good: an operator alarm says so. */
        REJECTED;

        public boolean finished() {
            return this == DELIVERED || this == REJECTED;
        }
    }
}
