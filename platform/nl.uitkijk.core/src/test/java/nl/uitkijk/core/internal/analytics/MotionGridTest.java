package nl.uitkijk.core.internal.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.recording.TimeRange;
import org.junit.jupiter.api.Test;

class MotionGridTest {

    /** A grid with only the cell at (column, row) set. */
    private static String cell(int column, int row) {
        byte[] bits = new byte[24];
        int index = row * 16 + column;
        bits[index / 8] |= (byte) (0x80 >>> (index % 8));
        return java.util.HexFormat.of().formatHex(bits);
    }

    @Test
    void aRegionHitsOnlyTheCellsItTouches() {
        MotionGrid.Region topLeft = MotionGrid.region(new double[] {0, 0, 0.25, 0.25});
        assertTrue(MotionGrid.hit(cell(0, 0), topLeft));
        assertTrue(MotionGrid.hit(cell(3, 2), topLeft), "column 3 of 16 and row 2 of 12 lie in the first quarter");
        assertFalse(MotionGrid.hit(cell(4, 0), topLeft));
        assertFalse(MotionGrid.hit(cell(0, 3), topLeft));
        MotionGrid.Region bottomRight = MotionGrid.region(new double[] {0.9, 0.9, 0.1, 0.1});
        assertTrue(MotionGrid.hit(cell(15, 11), bottomRight));
        assertFalse(MotionGrid.hit(cell(0, 0), bottomRight));
        assertFalse(MotionGrid.hit("not hex", bottomRight), "a damaged row is no hit, not an error");
    }

    @Test
    void aRegionOutsideThePictureIsRefusedNamingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> MotionGrid.region(new double[] {0.5, 0.5, 0.9, 0.9}));
        assertTrue(refused.getMessage().startsWith("region:"));
        assertThrows(IllegalArgumentException.class, () -> MotionGrid.region(new double[] {0, 0, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> MotionGrid.region(new double[] {Double.NaN, 0, 1, 1}));
    }

    @Test
    void hitsJoinIntoPeriodsAcrossShortGaps() {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        String in = cell(8, 6);
        String out = cell(0, 0);
        MotionGrid.Region centre = MotionGrid.region(new double[] {0.4, 0.4, 0.2, 0.2});
        List<TimeRange> periods = MotionGrid.periods(List.of(Map.entry(t, in), Map.entry(t.plusSeconds(1), in),
                Map.entry(t.plusSeconds(3), in), Map.entry(t.plusSeconds(4), out), Map.entry(t.plusSeconds(10), in)),
                centre, Duration.ofSeconds(2));
        assertEquals(List.of(new TimeRange(t, t.plusSeconds(4)), new TimeRange(t.plusSeconds(10), t.plusSeconds(11))),
                periods);
    }
}
