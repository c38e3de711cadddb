package nl.uitkijk.api.connector;

/**
 * What became of one delivery attempt.
 *
 * @param outcome delivered, rejected for good, or to be retried
 * @param detail why, for the operator and the audit trail
 */
public record DeliveryResult(Outcome outcome, String detail) {

    public enum Outcome {
        /** The receiver confirmed it. */
        DELIVERED,
        /** The receiver refused it and will refuse it again (e.g. unknown account); an operator must act. */
        REJECTED,
        /** Not delivered now (unreachable, timeout): the platform keeps the alarm and tries again. */
        RETRY
    }
}
