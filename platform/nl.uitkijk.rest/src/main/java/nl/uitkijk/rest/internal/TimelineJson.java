package nl.uitkijk.rest.internal;

import java.time.Instant;
import java.util.List;
import nl.uitkijk.api.recording.Timeline;

/** A timeline as the API shows it: {@code {"ranges":[{"start","end"}], "gaps":[{"start","end","reason"}]}}. */
public record TimelineJson(List<Range> ranges, List<Gap> gaps) {

    public record Range(Instant start, Instant end) {
    }

    public record Gap(Instant start, Instant end, String reason) {
    }

    static TimelineJson of(Timeline timeline) {
        return new TimelineJson(
                timeline.ranges().stream().map(r -> new Range(r.start(), r.end())).toList(),
                timeline.gaps().stream().map(g -> new Gap(g.range().start(), g.range().end(), g.reason())).toList());
    }
}
