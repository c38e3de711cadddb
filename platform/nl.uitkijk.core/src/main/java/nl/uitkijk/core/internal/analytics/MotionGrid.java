package nl.uitkijk.core.internal.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.recording.TimeRange;

/**
 * The motion search over stored motion grids: 16 columns × 12 rows, a bit per cell, row by row (as the motion module
 * writes them). A region of the picture becomes the cells it touches; a stored second with any of them set is a hit.
 */
final class MotionGrid {

    static final int COLUMNS = 16;
    static final int ROWS = 12;

    /** The cells a region touches, as a bit mask in the grid's byte order. */
    record Region(byte[] mask) {
    }

    private MotionGrid() {
    }

    /**
     * @param region x, y, width, height as fractions 0..1 of the picture
     * @throws IllegalArgumentException naming what is wrong
     */
    static Region region(double[] region) {
        if (region == null || region.length != 4) {
            throw new IllegalArgumentException("region: x,y,w,h as fractions 0..1 of the picture");
        }
        double x = region[0];
        double y = region[1];
        double w = region[2];
        double h = region[3];
        if (!(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 1.0001 && y + h <= 1.0001)) {
            throw new IllegalArgumentException("region: x,y,w,h as fractions 0..1 of the picture, inside it, w and h "
                    + "above 0");
        }
        byte[] mask = new byte[COLUMNS * ROWS / 8];
        int firstColumn = (int) Math.floor(x * COLUMNS);
        int lastColumn = Math.min(COLUMNS - 1, (int) Math.ceil((x + w) * COLUMNS) - 1);
        int firstRow = (int) Math.floor(y * ROWS);
        int lastRow = Math.min(ROWS - 1, (int) Math.ceil((y + h) * ROWS) - 1);
        for (int row = firstRow; row <= lastRow; row++) {
            for (int column = firstColumn; column <= lastColumn; column++) {
                int index = row * COLUMNS + column;
                mask[index / 8] |= (byte) (0x80 >>> (index % 8));
            }
        }
        return new Region(mask);
    }

    static boolean hit(String grid, Region region) {
        byte[] cells;
        try {
            cells = HexFormat.of().parseHex(grid);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (cells.length != region.mask().length) {
            return false;
        }
        for (int i = 0; i < cells.length; i++) {
            if ((cells[i] & region.mask()[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The seconds with motion in the region joined into periods where less than {@code gap} lies between hits. */
    static List<TimeRange> periods(List<Map.Entry<Instant, String>> grids, Region region, Duration gap) {
        List<TimeRange> periods = new ArrayList<>();
        Instant start = null;
        Instant end = null;
        for (Map.Entry<Instant, String> second : grids) {
            if (!hit(second.getValue(), region)) {
                continue;
            }
            Instant at = second.getKey();
            if (start != null && at.isAfter(end.plus(gap))) {
                periods.add(new TimeRange(start, end));
                start = null;
            }
            if (start == null) {
                start = at;
            }
            end = at.plusSeconds(1);
        }
        if (start != null) {
            periods.add(new TimeRange(start, end));
        }
        return periods;
    }
}
