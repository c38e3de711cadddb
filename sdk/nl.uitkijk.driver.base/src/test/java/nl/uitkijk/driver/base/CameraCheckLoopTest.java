package nl.uitkijk.driver.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import nl.uitkijk.api.camera.CameraStatus;
import nl.uitkijk.driver.base.CameraCheckLoop.Outcome;
import nl.uitkijk.driver.base.CameraCheckLoop.Timing;
import nl.uitkijk.testkit.RecordingCameraContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CameraCheckLoopTest {

    /** Records the pauses the loop asks for instead of waiting them. */
    private static final class PauseRecorder extends ScheduledThreadPoolExecutor {
        final List<Long> pausesMillis = new ArrayList<>();

        PauseRecorder() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            pausesMillis.add(unit.toMillis(delay));
            return super.schedule(() -> { }, 1, TimeUnit.DAYS);
        }
    }

    private final PauseRecorder scheduler = new PauseRecorder();
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private final RecordingCameraContext context = new RecordingCameraContext("cam", Map.of(), scheduler);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    @Test
    void backsOffWhileFailingAndStartsAgainAfterSuccess() {
        Deque<Outcome> outcomes = new ArrayDeque<>(List.of(Outcome.FAILED, Outcome.FAILED, Outcome.FAILED,
                Outcome.FAILED, Outcome.FAILED, Outcome.HEALTHY, Outcome.FAILED, Outcome.REFUSED));
        CameraCheckLoop loop = new CameraCheckLoop(context, workers, new Timing(Duration.ofSeconds(60),
                Duration.ofSeconds(5), Duration.ofSeconds(30)), outcomes::poll);
        for (int i = 0; i < 8; i++) {
            loop.runOnce();
        }
        assertEquals(List.of(5_000L, 10_000L, 20_000L, 30_000L, 30_000L, 60_000L, 5_000L, 30_000L),
                scheduler.pausesMillis);
    }

    @Test
    void aThrowingCheckIsAnOfflineCameraNotALostLoop() {
        CameraCheckLoop loop = new CameraCheckLoop(context, workers, Timing.standard(), () -> {
            throw new IllegalStateException("bug in the driver");
        });
        loop.runOnce();
        assertEquals(CameraStatus.OFFLINE, context.lastStatus().status());
        assertTrue(context.lastStatus().detail().contains("bug in the driver"));
        assertEquals(List.of(120_000L), scheduler.pausesMillis);
    }

    @Test
    void nothingIsScheduledAfterStop() {
        CameraCheckLoop loop = new CameraCheckLoop(context, workers, Timing.standard(), () -> Outcome.HEALTHY);
        loop.stop();
        loop.runOnce();
        loop.start();
        assertTrue(scheduler.pausesMillis.isEmpty());
    }
}
