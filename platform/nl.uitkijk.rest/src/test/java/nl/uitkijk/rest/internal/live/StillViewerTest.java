package nl.uitkijk.rest.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import nl.uitkijk.api.media.Still;
import org.junit.jupiter.api.Test;

class StillViewerTest {

    /** An outlet whose sends complete only when the test says so (a slow browser). */
    private static final class SlowOutlet implements LiveViewer.Outlet {
        final List<String> texts = new ArrayList<>();
        final List<Integer> sent = new ArrayList<>();
        Runnable inFlight;
        String ended;

        @Override
        public void text(String message) {
            texts.add(message);
        }

        @Override
        public void binary(ByteBuffer bytes, Runnable done) {
            sent.add((int) bytes.get(0));
            inFlight = done;
        }

        @Override
        public void end(String reason) {
            ended = reason;
        }

        void complete() {
            Runnable done = inFlight;
            inFlight = null;
            done.run();
        }
    }

    private static Still still(int number) {
        return new Still(new byte[] { (byte) number }, 640, 480, number * 1_000_000L);
    }

    @Test
    void aSlowBrowserGetsTheNewestStillAndHoldsNoBacklog() {
        SlowOutlet outlet = new SlowOutlet();
        StillViewer viewer = new StillViewer(outlet);
        viewer.still(still(1));
        viewer.still(still(2));
        viewer.still(still(3));
        assertEquals(List.of(1), outlet.sent, "one send in flight");
        outlet.complete();
        assertEquals(List.of(1, 3), outlet.sent, "the newest replaced the one waiting");
        assertEquals("{\"type\":\"still\",\"width\":640,\"height\":480,\"micros\":3000000}", outlet.texts.get(1));
        outlet.complete();
        viewer.ended("camera removed");
        viewer.still(still(4));
        assertEquals(List.of(1, 3), outlet.sent, "nothing after the end");
        assertEquals("camera removed", outlet.ended);
    }
}
