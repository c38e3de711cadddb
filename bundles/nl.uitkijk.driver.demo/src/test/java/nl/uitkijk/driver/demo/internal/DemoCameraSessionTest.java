package nl.uitkijk.driver.demo.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import nl.uitkijk.api.camera.CameraStatus;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.testkit.RecordingCameraContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoCameraSessionTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    @AfterEach
    void shutdown() {
        scheduler.shutdownNow();
    }

    private static final class QueueSink implements MediaSink {
        final BlockingQueue<MediaPacket> packets = new LinkedBlockingQueue<>();
        volatile MediaFormat format;
        volatile String ended;

        @Override
        public void format(MediaFormat newFormat) {
            format = newFormat;
        }

        @Override
        public void packet(MediaPacket packet) {
            packets.add(packet);
        }

        @Override
        public void ended(String reason) {
            ended = reason;
        }
    }

    private static void awaitStatus(RecordingCameraContext context, CameraStatus status) throws InterruptedException {
        context.awaitStatus(status, Duration.ofSeconds(30));
    }

    @Test
    void producesDecodableH264ThatMovesAndStartsWithAKeyframe() throws Exception {
        RecordingCameraContext context = new RecordingCameraContext("demo-markt", Map.of("width", 320, "height", 240, "fps", 10),
                scheduler);
        DemoCameraSession session = (DemoCameraSession) new DemoCameraDriver().createSession(context);
        session.start();
        awaitStatus(context, CameraStatus.ONLINE);
        assertEquals("h264", context.streams().get(0).codec());

        QueueSink sink = new QueueSink();
        AutoCloseable subscription = session.mediaSource("main").orElseThrow().subscribe(sink);
        List<MediaPacket> received = new ArrayList<>();
        while (received.size() < 25) {
            MediaPacket packet = sink.packets.poll(10, TimeUnit.SECONDS);
            assertTrue(packet != null, "packets keep coming");
            received.add(packet);
        }
        subscription.close();
        assertEquals(new MediaFormat("h264", 320, 240, 10, null).codec(), sink.format.codec());
        assertTrue(received.get(0).keyframe(), "a new viewer starts on a keyframe");
        assertTrue(received.get(1).ptsMicros() > received.get(0).ptsMicros());

        List<Long> checksums = decode(received, 320, 240);
        assertTrue(checksums.size() >= 20, "decoded " + checksums.size() + " of 25 packets");
        assertNotEquals(checksums.get(0), checksums.get(checksums.size() - 1), "the scene moves");

        session.stop();
        assertEquals(CameraStatus.ONLINE, context.lastStatus().status());
    }

    @Test
    void stopEndsTheStreamOfEveryViewer() throws Exception {
        RecordingCameraContext context = new RecordingCameraContext("demo-2", Map.of("width", 160, "height", 120, "fps", 5), scheduler);
        DemoCameraSession session = new DemoCameraSession(context, DemoSettings.of(context.config(), "demo-2"));
        session.start();
        awaitStatus(context, CameraStatus.ONLINE);
        QueueSink sink = new QueueSink();
        session.subscribe(sink);
        assertTrue(sink.packets.poll(10, TimeUnit.SECONDS) != null);
        session.stop();
        assertEquals("camera stopped", sink.ended);
        sink.packets.clear();
        Thread.sleep(400);
        assertTrue(sink.packets.isEmpty(), "no packet after stop");
    }

    @Test
    void validatesItsSettings() {
        assertEquals(List.of(), new DemoCameraDriver().validate(Map.of("width", 640, "height", "360", "fps", 10)));
        List<String> fields = new DemoCameraDriver().validate(Map.of("width", 641, "height", "high", "fps", 0))
                .stream().map(ConfigProblem::field).toList();
        assertEquals(List.of("config.width", "config.height", "config.fps"), fields);
    }

    /** Decodes with FFmpeg's own H.264 decoder; answers a checksum of the luma plane of each picture. */
    private static List<Long> decode(List<MediaPacket> packets, int width, int height) {
        AVCodecContext decoder = avcodec_alloc_context3(avcodec_find_decoder(AV_CODEC_ID_H264));
        assertEquals(0, avcodec_open2(decoder, avcodec_find_decoder(AV_CODEC_ID_H264),
                (org.bytedeco.ffmpeg.avutil.AVDictionary) null));
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        List<Long> checksums = new ArrayList<>();
        try {
            for (MediaPacket media : packets) {
                BytePointer data = new BytePointer(media.data());
                packet.data(data).size(media.data().length);
                assertEquals(0, avcodec_send_packet(decoder, packet));
                while (avcodec_receive_frame(decoder, frame) == 0) {
                    assertEquals(width, frame.width());
                    assertEquals(height, frame.height());
                    byte[] luma = new byte[width * height];
                    for (int row = 0; row < height; row++) {
                        frame.data(0).position((long) row * frame.linesize(0)).get(luma, row * width, width);
                    }
                    CRC32 crc = new CRC32();
                    crc.update(luma);
                    checksums.add(crc.getValue());
                }
                data.close();
            }
        } finally {
            packet.data(null).size(0);
            av_packet_free(packet);
            av_frame_free(frame);
            avcodec_free_context(decoder);
        }
        return checksums;
    }
}
