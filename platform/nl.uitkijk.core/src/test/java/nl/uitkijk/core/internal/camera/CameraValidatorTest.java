package nl.uitkijk.core.internal.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.Location;
import org.junit.jupiter.api.Test;

class CameraValidatorTest {

    private static final Location HEERLEN = new Location(50.8882, 5.9795, null, null);
    private final CameraDriver driver = new FakeDriver("fake");

    private List<String> fields(CameraDefinition camera) {
        return CameraValidator.validate(camera, driver, true, List.of("fake")).stream().map(ConfigProblem::field)
                .toList();
    }

    private static CameraDefinition camera(String id, String name, Location location, Map<String, Object> config) {
        return new CameraDefinition(id, name, "fake", config, location, null, null);
    }

    @Test
    void acceptsAValidCamera() {
        assertEquals(List.of(), fields(camera("markt-1", "Markt", HEERLEN, Map.of("url", "x"))));
    }

    @Test
    void namesEachWrongField() {
        assertEquals(List.of("id"), fields(camera("Markt 1", "Markt", HEERLEN, Map.of())));
        assertEquals(List.of("name"), fields(camera("m", " ", HEERLEN, Map.of())));
        assertEquals(List.of("name"), fields(camera("m", "x".repeat(101), HEERLEN, Map.of())));
        assertEquals(List.of("location"), fields(camera("m", "M", null, Map.of())));
        assertEquals(List.of("location.lat", "location.lon"),
                fields(camera("m", "M", new Location(91, -181, null, null), Map.of())));
        assertEquals(List.of("location.direction"),
                fields(camera("m", "M", new Location(50, 5, 360.0, null), Map.of())));
        assertEquals(List.of("location.lat"),
                fields(camera("m", "M", new Location(Double.NaN, 5, null, null), Map.of())));
    }

    @Test
    void rejectsNestedConfigValues() {
        assertEquals(List.of("config.nested"), fields(camera("m", "M", HEERLEN, Map.of("nested", Map.of()))));
    }

    @Test
    void addsTheDriversOwnChecks() {
        Map<String, Object> config = new HashMap<>();
        config.put("url", "x");
        FakeDriver strict = new FakeDriver("fake");
        strict.problems = List.of(new ConfigProblem("config.url", "is not an RTSP URL"));
        List<ConfigProblem> problems = CameraValidator.validate(camera("m", "M", HEERLEN, config), strict, true,
                List.of("fake"));
        assertEquals(List.of(new ConfigProblem("config.url", "is not an RTSP URL")), problems);
    }

    @Test
    void anUnknownDriverIsAProblemOnlyWhenRequired() {
        CameraDefinition camera = new CameraDefinition("m", "M", "onvif", Map.of(), HEERLEN, null, null);
        List<ConfigProblem> problems = CameraValidator.validate(camera, null, true, List.of("demo", "rtsp"));
        assertEquals("driver", problems.get(0).field());
        assertTrue(problems.get(0).message().contains("'onvif'") && problems.get(0).message().contains("demo, rtsp"),
                problems.get(0).message());
        assertEquals(List.of(), CameraValidator.validate(camera, null, false, List.of()));
    }

    @Test
    void aThrowingDriverCheckIsAProblemNotACrash() {
        FakeDriver broken = new FakeDriver("fake");
        broken.failValidate = true;
        List<ConfigProblem> problems = CameraValidator.validate(camera("m", "M", HEERLEN, Map.of()), broken, true,
                List.of("fake"));
        assertEquals("config", problems.get(0).field());
    }
}
