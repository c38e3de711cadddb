package nl.uitkijk.api.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeometryTest {

    @Test
    void aZoneContainsWhatLiesInsideIt() {
        Zone triangle = Zone.parse(List.of(List.of(0, 0), List.of(1, 0), List.of(0, 1)), "config.zone");
        assertTrue(triangle.contains(0.2, 0.2));
        assertFalse(triangle.contains(0.8, 0.8));
        assertEquals(2, Zone.parseAll(Map.of("include", List.of(
                List.of(List.of(0, 0), List.of(1, 0), List.of(0, 1)),
                List.of(List.of(0.5, 0.5), List.of(1, 0.5), List.of(1, 1)))), "include").size());
        assertTrue(Zone.parseAll(Map.of(), "include").isEmpty());
    }

    @Test
    void aBadZoneNamesItsField() {
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> Zone.parseAll(
                Map.of("exclude", List.of(List.of(List.of(0, 0), List.of(2, 0), List.of(0, 1)))), "exclude"));
        assertTrue(outside.getMessage().startsWith("config.exclude:"), outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Zone.parse(List.of(List.of(0, 0), List.of(1, 1)), "z"));
        assertThrows(IllegalArgumentException.class, () -> Zone.parse("not a polygon", "z"));
    }

    @Test
    void aLineCrossingHasADirection() {
        // a horizontal line walked left to right: its left is the upper half of the picture
        Line line = Line.parse(List.of(List.of(0.2, 0.5), List.of(0.8, 0.5)), "config.lines[0].points");
        assertEquals(Line.Crossing.IN, line.crossing(0.5, 0.4, 0.5, 0.6), "downwards: from left to right");
        assertEquals(Line.Crossing.OUT, line.crossing(0.5, 0.6, 0.5, 0.4));
        assertEquals(Line.Crossing.NONE, line.crossing(0.9, 0.4, 0.9, 0.6), "beside the segment");
        assertEquals(Line.Crossing.NONE, line.crossing(0.3, 0.4, 0.6, 0.45), "not across");
        assertThrows(IllegalArgumentException.class, () -> Line.parse(List.of(List.of(0.2, 0.5)), "l"));
        assertThrows(IllegalArgumentException.class, () -> Line.parse(List.of(List.of(0.2, 0.5), List.of(0.2, 0.5)),
                "l"));
    }
}
