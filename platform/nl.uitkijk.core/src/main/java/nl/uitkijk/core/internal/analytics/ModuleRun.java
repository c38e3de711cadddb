package nl.uitkijk.core.internal.analytics;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.uitkijk.api.analytics.AnalyticsModule;
import nl.uitkijk.api.analytics.AnalyticsPolicies.State;
import nl.uitkijk.api.analytics.FrameAnalyzer;

/**
 * One module on one camera: its analyzer, its decoder output, its episodes and what it has done. Touched by the
 * camera's worker; the counters and state are read by others.
 */
final class ModuleRun {

    final AnalyticsModule module;
    final AnalyticsStore.Policy policy;
    final Episodes episodes;
    final DetectionSampler sampler = new DetectionSampler();
    /** Open episodes by type. */
    final ConcurrentHashMap<String, UUID> open = new ConcurrentHashMap<>();
    final AtomicLong frames = new AtomicLong();
    final AtomicLong cpuNanos = new AtomicLong();
    FrameAnalyzer analyzer;
    FrameDecoder.Output output;
    volatile State state = State.STARTING;
    volatile String detail = "waiting for the stream";
    volatile Instant since = Instant.now();

    ModuleRun(AnalyticsModule module, AnalyticsStore.Policy policy, long episodeGapMicros) {
        this.module = module;
        this.policy = policy;
        this.episodes = new Episodes(module.eventTypes(), episodeGapMicros);
    }

    void state(State newState, String newDetail) {
        if (state != newState) {
            since = Instant.now();
        }
        state = newState;
        detail = newDetail;
    }

    String moduleId() {
        return module.id();
    }

    double cpuMillisPerFrame() {
        long count = frames.get();
        return count == 0 ? 0 : cpuNanos.get() / 1e6 / count;
    }
}
