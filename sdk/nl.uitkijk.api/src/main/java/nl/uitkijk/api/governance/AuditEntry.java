package nl.uitkijk.api.governance;

import java.time.Instant;

/**
 * One accountable use of the system: who did what, to what, when, from where and why.
 *
 * @param sequence position in the log, from 1 without gaps (a gap is a deleted entry)
 * @param actor the user name, or {@code system} for what the platform does by itself (retention)
 * @param action what was done, one of {@link AuditActions} or a plugin's own {@code plugin.verb}
 * @param subject what it was done to (a camera id, a hold id, a designation id), or empty
 * @param origin where from: the client address for REST, {@code console} for the Karaf shell, or empty
 * @param reason why, as the user gave it (required for exports and holds), or empty
 * @param detail further facts (a time range, what changed), or empty
 * @param hash SHA-256 (hex) over this entry's fields and the previous entry's hash
 */
public record AuditEntry(long sequence, Instant at, String actor, String action, String subject, String origin,
        String reason, String detail, String hash) {
}
