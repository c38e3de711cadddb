package nl.uitkijk.api.recording;

import java.util.List;

/**
 * What is recorded of a camera in a period: the recorded ranges, and the gaps with the reason for each (camera
 * offline, no data, recording off).
 */
public record Timeline(List<TimeRange> ranges, List<Gap> gaps) {

    /** A period without footage, and why. */
    public record Gap(TimeRange range, String reason) {
    }

    public Timeline {
        ranges = List.copyOf(ranges);
        gaps = List.copyOf(gaps);
    }
}
