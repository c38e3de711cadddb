package nl.uitkijk.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What accompanies an exported file: which camera and period, who exported it when and why, and the file's SHA-256
 * and size, so that whoever receives the two files can check the video against it. Sent base64-encoded in the
 * {@code X-Uitkijk-Manifest} header of the export; the console saves it next to the video. {@code masked}: the
 * camera's privacy masks are filled in the video (re-encoded; the recording keeps the original); {@code unmasked}: a
 * camera with masks exported without them, by someone allowed to, for the {@code reason} given.
 */
public record ExportManifest(String camera, String cameraName, String from, String to, String exportedBy,
        String exportedAt, String reason, String file, String sha256, long bytes, String system, boolean masked,
        boolean unmasked) {

    static final String HEADER = "X-Uitkijk-Manifest";
    private static final ObjectMapper JSON = new ObjectMapper();

    String header() {
        try {
            return Base64.getEncoder().encodeToString(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest of strings and numbers always writes", e);
        }
    }
}
