package nl.uitkijk.api.governance;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The audit trail of every use of camera images and every change to the system. Append-only and hash-chained:
 * each entry's hash covers its fields and the previous hash, so any change or deletion of an entry, even directly
 * in the database, shows in {@link #verify()}. Nothing in the product changes or deletes entries.
 */
@ProviderType
public interface AuditLog {

    /** The actor for what the platform does by itself. */
    String SYSTEM = "system";

    /**
     * Appends an entry. Null texts are stored as empty.
     *
     * @throws IllegalStateException when the entry cannot be stored; the caller must not go on as if it were
     */
    AuditEntry record(String actor, String action, String subject, String origin, String reason, String detail);

    /**
     * Entries, newest first.
     *
     * @param from inclusive, or {@code null}
     * @param to exclusive, or {@code null}
     * @param actor only this actor's, or {@code null} for all
     * @param limit at most this many
     */
    List<AuditEntry> entries(Instant from, Instant to, String actor, int limit);

    AuditVerification verify();
}
