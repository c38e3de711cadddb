package nl.uitkijk.api.recording;

/**
 * The outcome of an export: its size and integrity proof.
 *
 * @param bytes bytes written
 * @param sha256 lower-case hex SHA-256 of exactly those bytes
 */
public record ExportResult(long bytes, String sha256) {
}
