package nl.uitkijk.analytics.people.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.uitkijk.api.analytics.Detection;
import nl.uitkijk.api.analytics.FrameAnalyzer;
import nl.uitkijk.api.analytics.Line;
import nl.uitkijk.api.media.VideoFrame;

/**
 * People on one camera: persons detected in each frame, followed by the {@link Tracker}, and per zone and line the
 * rules of the configuration. Each frame gives a {@code person} detection per confirmed track (attribute
 * {@code track} where loitering or line rules follow persons; without them no track id leaves the analyzer); per zone a {@code people-count}; and while a rule holds a {@code crowd} (≥ crowdCount people in
 * the zone for crowdSeconds), a {@code loitering} (a track standing in the zone longer than loiterSeconds) or, on the
 * frame a track crosses a line, a {@code line-crossing} (attributes {@code line}, {@code direction}, and the counts
 * {@code in} and {@code out} so far). Zones and lines are about where people stand: the bottom middle of the box.
 */
final class PeopleAnalyzer implements FrameAnalyzer {

    /** How many frames a track may go unseen (0.5 s apart at 2 fps) before it is dropped. */
    private static final int MAX_MISSES = 4;

    private final PeopleConfig config;
    private final Function<VideoFrame, List<Box>> detector;
    private final AutoCloseable resources;
    private final Tracker tracker = new Tracker(MAX_MISSES);
    /** Since when each zone has held a crowd (µs), per zone name. */
    private final Map<String, Long> crowdSince = new HashMap<>();
    /** Since when each track has stood in each zone: "zone track" → µs. */
    private final Map<String, Long> inZoneSince = new HashMap<>();
    private final Map<String, int[]> lineCounts = new LinkedHashMap<>();

    PeopleAnalyzer(PeopleConfig config, Function<VideoFrame, List<Box>> detector, AutoCloseable resources) {
        this.config = config;
        this.detector = detector;
        this.resources = resources;
        config.lines().forEach(line -> lineCounts.put(line.name(), new int[2]));
    }

    @Override
    public List<Detection> analyze(VideoFrame frame) {
        if (frame.pixelFormat() != VideoFrame.PixelFormat.BGR24 || frame.width() < 32 || frame.height() < 32
                || frame.pixels() == null
                || frame.pixels().remaining() < (long) frame.stride() * (frame.height() - 1) + frame.width() * 3L) {
            throw new IllegalArgumentException("people needs a BGR24 picture of at least 32×32 with all its pixels");
        }
        long at = frame.timestampMicros();
        List<Tracker.Track> seen = tracker.update(detector.apply(frame), at);
        List<Detection> found = new ArrayList<>();
        List<Tracker.Track> people = seen.stream().filter(Tracker.Track::confirmed).toList();
        for (Tracker.Track track : people) {
            // a track id is kept only where the rules follow persons (and the designation permits TRACKS)
            found.add(detection("person", track.box, config.tracks() ? Map.of("track", Long.toString(track.id))
                    : Map.of()));
        }
        zones(people, at, found);
        lines(people, found);
        return found;
    }

    private void zones(List<Tracker.Track> people, long at, List<Detection> found) {
        Set<String> stillIn = new HashSet<>();
        for (PeopleConfig.ZoneRule rule : config.zones()) {
            List<Tracker.Track> inside = people.stream()
                    .filter(track -> rule.zone().contains(track.box.footX(), track.box.footY())).toList();
            Box area = bounds(rule);
            found.add(detection("people-count", area, Map.of("zone", rule.name(), "count",
                    Integer.toString(inside.size()))));
            if (rule.crowdCount() >= 2) {
                if (inside.size() >= rule.crowdCount()) {
                    long since = crowdSince.computeIfAbsent(rule.name(), name -> at);
                    if (at - since >= rule.crowdSeconds() * 1e6) {
                        found.add(detection("crowd", area, Map.of("zone", rule.name(), "count",
                                Integer.toString(inside.size()))));
                    }
                } else {
                    crowdSince.remove(rule.name());
                }
            }
            if (rule.loiterSeconds() > 0) {
                for (Tracker.Track track : inside) {
                    String key = rule.name() + " " + track.id;
                    stillIn.add(key);
                    long since = inZoneSince.computeIfAbsent(key, k -> at);
                    if (at - since >= rule.loiterSeconds() * 1e6) {
                        found.add(detection("loitering", track.box, Map.of("zone", rule.name(), "track",
                                Long.toString(track.id), "seconds", Long.toString((at - since) / 1_000_000))));
                    }
                }
            }
        }
        // a track missed for a frame keeps its time in the zone; one gone from the tracker loses it
        Set<Long> alive = new HashSet<>();
        tracker.tracks().forEach(track -> alive.add(track.id));
        inZoneSince.keySet().removeIf(key -> !stillIn.contains(key)
                && !alive.contains(Long.parseLong(key.substring(key.lastIndexOf(' ') + 1))));
    }

    private void lines(List<Tracker.Track> people, List<Detection> found) {
        for (PeopleConfig.LineRule rule : config.lines()) {
            int[] counts = lineCounts.get(rule.name());
            for (Tracker.Track track : people) {
                if (track.hits <= 1) {
                    continue;
                }
                Line.Crossing crossing = rule.line().crossing(track.lastFootX, track.lastFootY, track.box.footX(),
                        track.box.footY());
                if (crossing == Line.Crossing.NONE) {
                    continue;
                }
                counts[crossing == Line.Crossing.IN ? 0 : 1]++;
                String direction = crossing == Line.Crossing.IN ? "in" : "out";
                if (rule.events().equals("both") || rule.events().equals(direction)) {
                    found.add(detection("line-crossing", track.box, Map.of("line", rule.name(), "direction",
                            direction, "track", Long.toString(track.id), "in", Integer.toString(counts[0]), "out",
                            Integer.toString(counts[1]))));
                }
            }
        }
    }

    /** Crossings so far per line: {in, out}. */
    Map<String, int[]> lineCounts() {
        return lineCounts;
    }

    private static Box bounds(PeopleConfig.ZoneRule rule) {
        double left = 1;
        double top = 1;
        double right = 0;
        double bottom = 0;
        for (double[] point : rule.zone().points()) {
            left = Math.min(left, point[0]);
            top = Math.min(top, point[1]);
            right = Math.max(right, point[0]);
            bottom = Math.max(bottom, point[1]);
        }
        return new Box(left, top, right - left, bottom - top, 1);
    }

    private static Detection detection(String type, Box box, Map<String, String> attributes) {
        return new Detection(type, Math.min(1, Math.max(0, box.score() / 3)), box.x(), box.y(), box.width(),
                box.height(), attributes);
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the detector: " + e.getMessage(), e);
        }
    }
}
