package nl.uitkijk.api.governance;

/**
 * The result of checking the audit log's hash chain from its first entry to its last.
 *
 * @param valid whether every entry is unchanged and none is missing
 * @param entries how many entries were checked
 * @param firstBroken the sequence number of the first entry that was changed, or that follows a deleted one;
 *                    {@code null} when valid
 * @param problem what is wrong there, in words; empty when valid
 */
public record AuditVerification(boolean valid, long entries, Long firstBroken, String problem) {
}
