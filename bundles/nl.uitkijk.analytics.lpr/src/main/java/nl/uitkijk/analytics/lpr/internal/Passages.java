package nl.uitkijk.analytics.lpr.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns the reads of successive frames into passages: reads of one vehicle (the same text give or take two
 * characters, or an overlapping box) join one passage, and the passage's text is the one most frames agreed on.
 * A passage is reported once: when its plate has not been seen for the gap, or after {@value #MAX_OPEN_SECONDS} s
 * for a vehicle that stays (then never again while it stays). A passage whose best text has fewer votes than asked
 * is dropped: one frame's misread is not a passage.
 */
final class Passages {

    static final double MAX_OPEN_SECONDS = 10;

    /** A read of one frame, box in fractions of the picture. */
    record Read(PlateReader.Plate plate, double x, double y, double width, double height) {
    }

    /** A passage's outcome. */
    record Passage(PlateReader.Plate plate, int votes, double confidence, double x, double y, double width,
            double height) {
    }

    private static final class Open {
        final long firstMicros;
        long lastMicros;
        Read last;
        boolean reported;
        final Map<String, List<Read>> votes = new HashMap<>();

        Open(Read read, long at) {
            firstMicros = at;
            add(read, at);
        }

        void add(Read read, long at) {
            lastMicros = at;
            last = read;
            votes.computeIfAbsent(read.plate().text(), text -> new ArrayList<>()).add(read);
        }

        List<Read> leader() {
            return votes.values().stream().max((a, b) -> a.size() != b.size() ? Integer.compare(a.size(), b.size())
                    : Double.compare(confidence(a), confidence(b))).orElseThrow();
        }
    }

    private final int minVotes;
    private final long gapMicros;
    private final List<Open> open = new ArrayList<>();

    Passages(int minVotes, double gapSeconds) {
        this.minVotes = minVotes;
        this.gapMicros = (long) (gapSeconds * 1e6);
    }

    /** Adds a frame's reads; answers the passages that are due now. */
    List<Passage> frame(List<Read> reads, long atMicros) {
        for (Read read : reads) {
            Open passage = open.stream().filter(o -> same(o, read)).findFirst().orElse(null);
            if (passage == null) {
                open.add(new Open(read, atMicros));
            } else {
                passage.add(read, atMicros);
            }
        }
        List<Passage> due = new ArrayList<>();
        for (Iterator<Open> it = open.iterator(); it.hasNext();) {
            Open passage = it.next();
            boolean gone = atMicros - passage.lastMicros > gapMicros;
            boolean long_ = atMicros - passage.firstMicros >= MAX_OPEN_SECONDS * 1e6;
            if (!passage.reported && (gone || long_)) {
                report(passage).ifPresent(due::add);
                passage.reported = true;
            }
            if (gone) {
                it.remove();
            }
        }
        return due;
    }

    private java.util.Optional<Passage> report(Open passage) {
        List<Read> leader = passage.leader();
        if (leader.size() < minVotes) {
            return java.util.Optional.empty();
        }
        Read best = leader.stream().max((a, b) -> Double.compare(a.plate().confidence(), b.plate().confidence()))
                .orElseThrow();
        Read last = passage.last;
        return java.util.Optional.of(new Passage(best.plate(), leader.size(), confidence(leader), last.x(), last.y(),
                last.width(), last.height()));
    }

    private static double confidence(List<Read> reads) {
        return reads.stream().mapToDouble(r -> r.plate().confidence()).average().orElse(0);
    }

    private static boolean same(Open passage, Read read) {
        Read last = passage.last;
        return distance(last.plate().text(), read.plate().text()) <= 2 || iou(last, read) > 0.2;
    }

    private static double iou(Read a, Read b) {
        double x1 = Math.max(a.x(), b.x());
        double y1 = Math.max(a.y(), b.y());
        double x2 = Math.min(a.x() + a.width(), b.x() + b.width());
        double y2 = Math.min(a.y() + a.height(), b.y() + b.height());
        double inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
        double union = a.width() * a.height() + b.width() * b.height() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
