package nl.uitkijk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.ConfigParameter;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.DriverDescription;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.api.camera.StatusInfo;
import org.junit.jupiter.api.Test;

class CameraJsonTest {

    private final ObjectMapper json = JsonProvider.mapper();

    @Test
    void readsACameraAndIgnoresTheReadOnlyFieldsOfAnEarlierGet() throws Exception {
        CameraJson body = json.readValue("""
                {"id": "markt-1", "name": "Markt", "driver": "rtsp", "config": {"url": "rtsp://127.0.0.1/a"},
                 "location": {"lat": 50.8882, "lon": 5.9795, "direction": 90},
                 "status": "ONLINE", "statusDetail": "", "streams": []}
                """, CameraJson.class);
        CameraDefinition definition = body.toDefinition(null);
        assertEquals(new Location(50.8882, 5.9795, 90.0, null), definition.location());
        assertEquals("rtsp://127.0.0.1/a", definition.config().get("url"));
    }

    @Test
    void namesTheFieldOfAWrongType() {
        JsonMappingException e = assertThrows(JsonMappingException.class, () -> json.readValue(
                "{\"id\": \"a\", \"location\": {\"lat\": \"noord\", \"lon\": 5}}", CameraJson.class));
        assertEquals("location.lat", ExceptionMappers.JsonExceptionMapper.path(e));
        JsonMappingException unknown = assertThrows(JsonMappingException.class,
                () -> json.readValue("{\"id\": \"a\", \"nmae\": \"typo\"}", CameraJson.class));
        assertEquals("nmae", ExceptionMappers.JsonExceptionMapper.path(unknown));
    }

    @Test
    void missingCoordinatesAreNamed() throws Exception {
        CameraJson body = json.readValue("{\"id\": \"a\", \"location\": {\"lon\": 5}}", CameraJson.class);
        InvalidCameraException e = assertThrows(InvalidCameraException.class, () -> body.toDefinition(null));
        assertEquals(List.of("location.lat"), e.problems().stream().map(ConfigProblem::field).toList());
        CameraJson noLocation = json.readValue("{\"id\": \"a\"}", CameraJson.class);
        assertEquals("location", assertThrows(InvalidCameraException.class, () -> noLocation.toDefinition(null))
                .problems().get(0).field());
    }

    @Test
    void theIdOfAPutComesFromTheUrl() throws Exception {
        CameraJson withoutId = json.readValue("{\"name\": \"x\", \"location\": {\"lat\": 1, \"lon\": 2}}",
                CameraJson.class);
        assertEquals("cam-1", withoutId.toDefinition("cam-1").id());
        CameraJson otherId = json.readValue("{\"id\": \"cam-2\", \"location\": {\"lat\": 1, \"lon\": 2}}",
                CameraJson.class);
        assertEquals("id", assertThrows(InvalidCameraException.class, () -> otherId.toDefinition("cam-1"))
                .problems().get(0).field());
    }

    @Test
    void secretsAreMaskedByTheDriverSchemaOrByTheirName() throws Exception {
        Camera camera = new Camera(new CameraDefinition("c", "C", "rtsp",
                Map.of("url", "rtsp://127.0.0.1/a", "password", "geheim", "pin", "1234"),
                new Location(50, 5, null, null), null, null), StatusInfo.online(), List.of(), null);
        DriverDescription rtsp = new DriverDescription("rtsp", "RTSP", "", List.of(
                new ConfigParameter("pin", ConfigParameter.Type.PASSWORD, false, "PIN", "", null)));
        Map<String, Object> byDriver = CameraJson.of(camera, Optional.of(rtsp), null).config();
        assertEquals(ConfigParameter.SECRET_MASK, byDriver.get("pin"));
        assertEquals("geheim", byDriver.get("password"), "the driver says what is secret when it is installed");
        Map<String, Object> byName = CameraJson.of(camera, Optional.empty(), null).config();
        assertEquals(ConfigParameter.SECRET_MASK, byName.get("password"));
        assertEquals("rtsp://127.0.0.1/a", byName.get("url"));
        String written = json.writeValueAsString(CameraJson.of(camera, Optional.empty(), null));
        assertTrue(!written.contains("geheim") && written.contains("\"status\":\"ONLINE\""), written);
        assertNull(CameraJson.of(camera, Optional.empty(), null).device());
    }

    @Test
    void credentialsInAnAddressAreMaskedAndThePoliceSeeNoConfigurationAtAll() throws Exception {
        Camera camera = new Camera(new CameraDefinition("c", "C", "rtsp",
                Map.of("url", "rtsp://beheer:geheim@127.0.0.1:8554/a"), new Location(50, 5, null, null), null, null),
                StatusInfo.online(), List.of(new nl.uitkijk.api.media.StreamProfile("main",
                        java.net.URI.create("rtsp://beheer:geheim@127.0.0.1:8554/a?x=1"), "h264", 640, 480, 10)),
                null);
        CameraJson shown = CameraJson.of(camera, Optional.empty(), null);
        assertEquals("rtsp://" + ConfigParameter.SECRET_MASK + "@127.0.0.1:8554/a", shown.config().get("url"));
        assertEquals("rtsp://127.0.0.1:8554/a?x=1", shown.streams().get(0).uri());
        CameraJson police = shown.forPolice();
        String written = json.writeValueAsString(police);
        assertNull(police.config());
        assertTrue(!written.contains("config") && !written.contains("127.0.0.1") && !written.contains("geheim"),
                written);
        assertEquals(640, police.streams().get(0).width());
    }
}
