package nl.uitkijk.analytics.people.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Follows persons from frame to frame: each track's box is moved by its velocity (a constant-velocity prediction,
 * the part of a Kalman filter that matters at 2 frames a second), then detections are matched greedily by IoU with
 * the predictions (centre distance within a box width as a fallback for small, fast people). A track is confirmed
 * after {@value #CONFIRM} sightings and dropped after {@code maxMisses} frames without one. One thread at a time.
 */
final class Tracker {

    static final int CONFIRM = 2;
    private static final double MIN_IOU = 0.2;
    private static final double SMOOTHING = 0.5;

    /** A followed person; positions in fractions of the picture, times in microseconds. */
    static final class Track {
        final long id;
        Box box;
        double velocityX;
        double velocityY;
        long seenMicros;
        int hits = 1;
        int misses;
        /** Where the person stood when last seen before this frame (for line crossings). */
        double lastFootX;
        double lastFootY;

        Track(long id, Box box, long seenMicros) {
            this.id = id;
            this.box = box;
            this.seenMicros = seenMicros;
            this.lastFootX = box.footX();
            this.lastFootY = box.footY();
        }

        boolean confirmed() {
            return hits >= CONFIRM;
        }

        Box predicted(long atMicros) {
            double seconds = (atMicros - seenMicros) / 1e6;
            return box.moved(velocityX * seconds, velocityY * seconds);
        }
    }

    private final int maxMisses;
    private final List<Track> tracks = new ArrayList<>();
    private long nextId = 1;

    Tracker(int maxMisses) {
        this.maxMisses = maxMisses;
    }

    /** Matches a frame's detections; returns the tracks seen in this frame (new ones included). */
    List<Track> update(List<Box> detections, long atMicros) {
        record Pair(Track track, Box box, double score) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (Track track : tracks) {
            Box predicted = track.predicted(atMicros);
            for (Box box : detections) {
                double iou = predicted.iou(box);
                if (iou >= MIN_IOU) {
                    pairs.add(new Pair(track, box, iou));
                } else {
                    double distance = Math.hypot(predicted.centreX() - box.centreX(),
                            predicted.y() + predicted.height() / 2 - box.y() - box.height() / 2);
                    if (distance < Math.max(predicted.width(), box.width())) {
                        pairs.add(new Pair(track, box, MIN_IOU * (1 - distance / Math.max(predicted.width(),
                                box.width())) / 2)); // below any IoU match
                    }
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::score).reversed());
        List<Track> seen = new ArrayList<>();
        List<Box> unmatched = new ArrayList<>(detections);
        for (Pair pair : pairs) {
            if (seen.contains(pair.track()) || !unmatched.contains(pair.box())) {
                continue;
            }
            Track track = pair.track();
            double seconds = Math.max(1e-3, (atMicros - track.seenMicros) / 1e6);
            track.lastFootX = track.box.footX();
            track.lastFootY = track.box.footY();
            track.velocityX = SMOOTHING * track.velocityX + (1 - SMOOTHING) * (pair.box().x() - track.box.x())
                    / seconds;
            track.velocityY = SMOOTHING * track.velocityY + (1 - SMOOTHING) * (pair.box().y() - track.box.y())
                    / seconds;
            track.box = pair.box();
            track.seenMicros = atMicros;
            track.hits++;
            track.misses = 0;
            seen.add(track);
            unmatched.remove(pair.box());
        }
        for (Track track : tracks) {
            if (!seen.contains(track)) {
                track.misses++;
            }
        }
        tracks.removeIf(track -> track.misses > maxMisses);
        for (Box box : unmatched) {
            Track track = new Track(nextId++, box, atMicros);
            tracks.add(track);
            seen.add(track);
        }
        return seen;
    }

    List<Track> tracks() {
        return List.copyOf(tracks);
    }
}
