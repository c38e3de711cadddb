package nl.uitkijk.analytics.lpr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;

class PassagesTest {

    private static Passages.Read read(String text, double confidence, double x) {
        return new Passages.Read(new PlateReader.Plate(text, text, "NL", "9", confidence, new Rect(0, 0, 10, 4), text),
                x, 0.5, 0.1, 0.04);
    }

    private static long at(double seconds) {
        return (long) (seconds * 1e6);
    }

    @Test
    void onePassageIsOneReadOfWhatMostFramesAgreedOn() {
        Passages passages = new Passages(2, 2);
        assertTrue(passages.frame(List.of(read("GZ123X", 0.9, 0.10)), at(0)).isEmpty());
        assertTrue(passages.frame(List.of(read("GZ128X", 0.95, 0.15)), at(0.2)).isEmpty());
        assertTrue(passages.frame(List.of(read("GZ123X", 0.8, 0.20)), at(0.4)).isEmpty());
        assertTrue(passages.frame(List.of(read("GZ123X", 0.85, 0.25)), at(0.6)).isEmpty());
        assertTrue(passages.frame(List.of(), at(2.0)).isEmpty(), "not gone yet");
        List<Passages.Passage> due = passages.frame(List.of(), at(2.7));
        assertEquals(1, due.size());
        assertEquals("GZ123X", due.get(0).plate().text());
        assertEquals(3, due.get(0).votes());
        assertEquals(0.25, due.get(0).x(), 1e-9, "where it was seen last");
        assertTrue(passages.frame(List.of(), at(5)).isEmpty(), "reported once");
    }

    @Test
    void twoVehiclesAreTwoPassages() {
        Passages passages = new Passages(1, 1);
        passages.frame(List.of(read("GZ123X", 0.9, 0.1), read("XB1234", 0.9, 0.7)), at(0));
        List<Passages.Passage> due = passages.frame(List.of(), at(1.5));
        assertEquals(2, due.size());
    }

    @Test
    void aSingleMisreadIsNoPassage() {
        Passages passages = new Passages(2, 1);
        passages.frame(List.of(read("XB1234", 0.7, 0.1)), at(0));
        assertTrue(passages.frame(List.of(), at(1.5)).isEmpty());
    }

    @Test
    void aVehicleThatStaysIsReportedOnceAfterTenSeconds() {
        Passages passages = new Passages(2, 2);
        int reported = 0;
        for (double t = 0; t < 30; t += 0.2) {
            reported += passages.frame(List.of(read("GZ123X", 0.9, 0.3)), at(t)).size();
        }
        assertEquals(1, reported);
    }
}
