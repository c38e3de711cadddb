package nl.uitkijk.core.internal.camera;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.uitkijk.api.camera.CameraDefinition;

/**
 * Cameras an installation starts with, as a JSON list of camera definitions (the same fields as the REST API). Read
 * once, when the database is created: afterwards the registry is the truth and the file is not looked at again.
 */
final class ProvisioningFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ProvisioningFile() {
    }

    static List<CameraDefinition> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return JSON.readValue(file.toFile(), new TypeReference<List<CameraDefinition>>() {
        });
    }
}
