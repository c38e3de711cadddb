package nl.uitkijk.rest.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import nl.uitkijk.api.camera.InvalidCameraException;

/**
 * Coverage-guided fuzzing (Jazzer) of the JSON the REST API reads, through the mapper the API uses and the
 * conversions that follow it: cameras, designations (GeoJSON areas, live-view windows), recording policies,
 * retention, PTZ, live tickets and sign-in. A client may send anything: the only acceptable failures are Jackson's
 * refusal (a 400 naming the field; a body that is no text included) and our own validation's ({@link InvalidCameraException}, a 400 listing the
 * problems); any other exception is a 500 and a finding.
 */
class JsonInputFuzzTest {

    private static final JsonProvider JSON = new JsonProvider();

    /** As the API reads a body: through its JSON provider. */
    @SuppressWarnings("unchecked")
    private static <T> T read(byte[] body, Class<T> type) throws IOException {
        return (T) JSON.readFrom((Class<Object>) (Class<?>) type, type, new java.lang.annotation.Annotation[0],
                javax.ws.rs.core.MediaType.APPLICATION_JSON_TYPE, new javax.ws.rs.core.MultivaluedHashMap<>(),
                new java.io.ByteArrayInputStream(body));
    }

    @FuzzTest(maxDuration = "15s")
    void requestBodies(FuzzedDataProvider data) throws IOException {
        int kind = data.consumeInt(0, 6);
        byte[] body = data.consumeRemainingAsBytes();
        try {
            switch (kind) {
                case 0 -> {
                    CameraJson camera = read(body, CameraJson.class);
                    if (camera != null) {
                        camera.toDefinition(null);
                        camera.toDefinition("markt-1");
                    }
                }
                case 1 -> {
                    DesignationJson designation = read(body, DesignationJson.class);
                    if (designation != null) {
                        designation.toDesignation();
                    }
                }
                case 2 -> {
                    RecordingPolicyJson policy = read(body, RecordingPolicyJson.class);
                    if (policy != null) {
                        policy.toPolicy();
                    }
                }
                case 3 -> read(body, RetentionJson.class);
                case 4 -> read(body, PtzJson.class);
                case 5 -> read(body, LiveTicketResource.TicketRequest.class);
                default -> read(body, SessionResource.SignIn.class);
            }
        } catch (JsonProcessingException | InvalidCameraException refused) {
            // a 400 with the reason
        }
    }
}
