package nl.uitkijk.rest.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraStatus;
import nl.uitkijk.api.media.StreamStats;
import nl.uitkijk.api.recording.RecorderState;
import nl.uitkijk.api.recording.RecordingBackend;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The platform's state in Prometheus' text format (version 0.0.4) for the municipality's monitoring: cameras,
 * streams, recording, storage, alarms and the JVM. Administrators, or a scraper with the token of
 * {@link ScrapeToken}.
 */
@Component(service = MetricsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("metrics")
public class MetricsResource {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PlatformState state;

    @Activate
    public MetricsResource(@Reference PlatformState state) {
        this.state = state;
    }

    @Allow(Role.METRICS)
    @GET
    @Produces(CONTENT_TYPE)
    public Response metrics() {
        StringBuilder out = new StringBuilder(8192);
        out.append(gauge("uitkijk_up", "Whether the camera registry (and so the database) is up.",
                state.registry().isPresent() ? 1 : 0));
        List<Camera> cameras = state.cameras();
        family(out, "uitkijk_camera_up", "gauge", "Whether the camera is ONLINE (1) or not (0).");
        cameras.forEach(c -> sample(out, "uitkijk_camera_up", c.id(), c.status().status() == CameraStatus.ONLINE
                ? 1 : 0));
        streams(out, cameras);
        recording(out);
        storage(out);
        int open = state.openAlarms();
        if (open >= 0) {
            out.append(gauge("uitkijk_alarms_open", "Alarms not yet acknowledged.", open));
        }
        connectors(out);
        analytics(out);
        jvm(out);
        return Response.ok(out.toString(), CONTENT_TYPE).header("Cache-Control", "no-store").build();
    }

    private void streams(StringBuilder out, List<Camera> cameras) {
        List<StreamStats> stats = cameras.stream().map(c -> state.stream(c.id())).flatMap(java.util.Optional::stream)
                .toList();
        Instant now = Instant.now();
        family(out, "uitkijk_stream_connected", "gauge", "Whether the camera's main stream is connected.");
        stats.forEach(s -> sample(out, "uitkijk_stream_connected", s.cameraId(), s.connected() ? 1 : 0));
        family(out, "uitkijk_stream_bitrate_kbps", "gauge", "Bitrate of the main stream in kbit/s.");
        stats.forEach(s -> sample(out, "uitkijk_stream_bitrate_kbps", s.cameraId(), s.bitrateKbps()));
        family(out, "uitkijk_stream_fps", "gauge", "Pictures per second of the main stream.");
        stats.forEach(s -> sample(out, "uitkijk_stream_fps", s.cameraId(), s.fps()));
        family(out, "uitkijk_stream_packets_total", "counter", "Packets received from the camera.");
        stats.forEach(s -> sample(out, "uitkijk_stream_packets_total", s.cameraId(), s.packets()));
        family(out, "uitkijk_stream_dropped_packets_total", "counter",
                "Packets dropped on the way to slow consumers (live viewers skip to the next keyframe).");
        stats.forEach(s -> sample(out, "uitkijk_stream_dropped_packets_total", s.cameraId(), s.droppedPackets()));
        family(out, "uitkijk_stream_reconnects_total", "counter", "Reconnections to the camera.");
        stats.forEach(s -> sample(out, "uitkijk_stream_reconnects_total", s.cameraId(), s.reconnects()));
        family(out, "uitkijk_stream_last_packet_age_seconds", "gauge", "Seconds since the newest packet.");
        stats.stream().filter(s -> s.lastPacket() != null).forEach(s -> sample(out,
                "uitkijk_stream_last_packet_age_seconds", s.cameraId(),
                Duration.between(s.lastPacket(), now).toMillis() / 1000.0));
        family(out, "uitkijk_stream_subscribers", "gauge", "Consumers of the main stream (recorder, viewers).");
        stats.forEach(s -> sample(out, "uitkijk_stream_subscribers", s.cameraId(), s.subscribers()));
    }

    private void recording(StringBuilder out) {
        List<RecorderState> states = state.recorders().stream().flatMap(r -> r.states().stream()).toList();
        family(out, "uitkijk_recording_failing", "gauge", "Whether the camera's recording fails now (1) or not (0).");
        states.forEach(s -> sample(out, "uitkijk_recording_failing", s.cameraId(), s.state().equals("recording")
                ? 0 : 1));
        family(out, "uitkijk_recording_segments_total", "counter", "Segments written since the recorder started.");
        states.forEach(s -> sample(out, "uitkijk_recording_segments_total", s.cameraId(), s.segmentsWritten()));
        family(out, "uitkijk_recording_dropped_packets_total", "counter",
                "Packets the recorder dropped because writing fell behind.");
        states.forEach(s -> sample(out, "uitkijk_recording_dropped_packets_total", s.cameraId(), s.droppedPackets()));
    }

    private void storage(StringBuilder out) {
        List<RecordingBackend> recorders = state.recorders();
        if (recorders.isEmpty()) {
            return;
        }
        long free = 0;
        long total = 0;
        long used = 0;
        for (RecordingBackend recorder : recorders) {
            free += recorder.freeBytes();
            total += recorder.totalBytes();
            used += recorder.usedBytes();
        }
        out.append(gauge("uitkijk_storage_free_bytes", "Free bytes on the footage storage.", free));
        out.append(gauge("uitkijk_storage_total_bytes", "Size of the footage storage.", total));
        out.append(gauge("uitkijk_storage_used_bytes", "Bytes of footage kept.", used));
    }

    private static void jvm(StringBuilder out) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.append(gauge("jvm_memory_heap_used_bytes", "Heap in use.", heap.getUsed()));
        out.append(gauge("jvm_memory_heap_max_bytes", "Largest heap.", heap.getMax()));
        out.append(gauge("jvm_threads_live", "Live threads.", ManagementFactory.getThreadMXBean().getThreadCount()));
        double gcSeconds = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcSeconds += Math.max(0, collector.getCollectionTime()) / 1000.0;
        }
        family(out, "jvm_gc_collection_seconds_total", "counter", "Time spent collecting garbage.");
        out.append("jvm_gc_collection_seconds_total ").append(number(gcSeconds)).append('\n');
        ProcessHandle.current().info().totalCpuDuration().ifPresent(cpu -> {
            family(out, "process_cpu_seconds_total", "counter", "CPU time of the Karaf process.");
            out.append("process_cpu_seconds_total ").append(number(cpu.toMillis() / 1000.0)).append('\n');
        });
    }

    private static String gauge(String name, String help, double value) {
        return "# HELP " + name + " " + help + "\n# TYPE " + name + " gauge\n" + name + " " + number(value) + "\n";
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String camera, double value) {
        sample(out, name, "camera", camera, value);
    }

    private static void sample(StringBuilder out, String name, String labelName, String labelValue, double value) {
        out.append(name).append('{').append(labelName).append("=\"").append(label(labelValue)).append("\"} ")
                .append(number(value)).append('\n');
    }

    /** Each control room: whether it is reachable, how many alarms wait for it, how long delivery has failed. */
    private void connectors(StringBuilder out) {
        List<nl.uitkijk.api.connector.ConnectorInstance> instances = state.connectors();
        if (instances.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        family(out, "uitkijk_connector_installed", "gauge", "Whether the instance's connector kind is installed.");
        instances.forEach(i -> sample(out, "uitkijk_connector_installed", "connector", i.id(), i.installed() ? 1 : 0));
        family(out, "uitkijk_connector_connected", "gauge", "Whether the control room is reachable.");
        instances.forEach(i -> sample(out, "uitkijk_connector_connected", "connector", i.id(), i.connected() ? 1 : 0));
        family(out, "uitkijk_connector_backlog", "gauge", "Alarms not yet delivered to the control room.");
        instances.forEach(i -> sample(out, "uitkijk_connector_backlog", "connector", i.id(), i.backlog()));
        family(out, "uitkijk_connector_failing_seconds", "gauge", "How long delivery has failed (0: it does not).");
        instances.forEach(i -> sample(out, "uitkijk_connector_failing_seconds", "connector", i.id(),
                i.failingSince() == null ? 0 : Math.max(0, now.getEpochSecond() - i.failingSince().getEpochSecond())));
    }

    /** Per camera: pictures decoded, packets dropped, frames analysed, CPU; the picture-to-result latency. */
    private void analytics(StringBuilder out) {
        var statistics = state.analytics().orElse(null);
        if (statistics == null || statistics.cameras().isEmpty()) {
            return;
        }
        var cameras = statistics.cameras();
        family(out, "uitkijk_analytics_decoded_total", "counter", "Pictures decoded for analytics.");
        cameras.forEach((id, c) -> sample(out, "uitkijk_analytics_decoded_total", "camera", id, c.picturesDecoded()));
        family(out, "uitkijk_analytics_dropped_total", "counter", "Packets dropped because analytics fell behind.");
        cameras.forEach((id, c) -> sample(out, "uitkijk_analytics_dropped_total", "camera", id, c.packetsDropped()));
        family(out, "uitkijk_analytics_frames_total", "counter", "Frames the camera's modules analysed.");
        cameras.forEach((id, c) -> sample(out, "uitkijk_analytics_frames_total", "camera", id, c.framesAnalysed()));
        family(out, "uitkijk_analytics_cpu_seconds_total", "counter", "CPU time of decoding and analysis.");
        cameras.forEach((id, c) -> sample(out, "uitkijk_analytics_cpu_seconds_total", "camera", id, c.cpuSeconds()));
        family(out, "uitkijk_analytics_latency_seconds", "gauge", "From a picture's arrival to the end of its "
                + "analysis, over the last pictures.");
        sample(out, "uitkijk_analytics_latency_seconds", "quantile", "0.5", statistics.latencyP50Millis() / 1000);
        sample(out, "uitkijk_analytics_latency_seconds", "quantile", "0.95", statistics.latencyP95Millis() / 1000);
    }

    /** A label value as the format requires: backslash, double quote and line feed escaped. */
    static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }
}
