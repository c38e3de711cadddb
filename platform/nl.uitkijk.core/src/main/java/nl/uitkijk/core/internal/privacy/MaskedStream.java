package nl.uitkijk.core.internal.privacy;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.core.internal.media.Decoders;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera stream as seen through its masks, shared by all its masked viewers: the hub's packets are decoded,
 * the masked areas filled in the picture's own YUV planes (black, no detail left), and the pictures encoded again
 * with {@code libopenh264} (parameter sets in-band before every keyframe, as the live path wants). Runs on a thread
 * of its own, so the hub's dispatch threads never wait for it; a bounded queue in front drops to the next keyframe
 * when it falls behind. A viewer that joins gets a keyframe at once.
 */
final class MaskedStream implements MediaSink {

    private static final Logger LOG = LoggerFactory.getLogger(MaskedStream.class);
    private static final int AVERROR_EAGAIN = -11;
    /** FFmpeg's AV_FRAME_FLAG_KEY (1 << 1), a macro the bindings do not carry. */
    private static final int AV_FRAME_FLAG_KEY = 1 << 1;
    private static final Object END = new Object();

    /** A masked viewer: packets from its first keyframe on. */
    private static final class Viewer {
        final MediaSink sink;
        volatile boolean started;

        Viewer(MediaSink sink) {
            this.sink = sink;
        }
    }

    private final String name;
    private final Supplier<MaskShapes> shapes;
    private final Runnable whenIdle;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(90);
    private final List<Viewer> viewers = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong encodedPictures = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final Thread worker;
    private volatile AutoCloseable upstream;
    private volatile boolean keyframeWanted = true;
    private volatile boolean dead;
    private volatile MediaFormat outFormat;
    private boolean droppingToKeyframe;

    // worker thread only
    private AVCodecContext decoder;
    private AVCodecContext encoder;
    private final AVPacket inPacket = av_packet_alloc();
    private final AVPacket outPacket = av_packet_alloc();
    private final AVFrame decoded = av_frame_alloc();
    private AVFrame converted;
    private SwsContext converter;
    private double fps;
    private long wallClock;

    MaskedStream(String name, Supplier<MaskShapes> shapes, Runnable whenIdle) {
        this.name = name;
        this.shapes = shapes;
        this.whenIdle = whenIdle;
        this.worker = new Thread(this::run, "uitkijk-privacy-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    void upstream(AutoCloseable subscription) {
        this.upstream = subscription;
    }

    /** Adds a viewer; it gets the format (when known) and packets from the next keyframe, which is asked for now. */
    AutoCloseable add(MediaSink sink) {
        Viewer viewer = new Viewer(sink);
        viewers.add(viewer);
        MediaFormat format = outFormat;
        if (format != null) {
            sink.format(format);
        }
        keyframeWanted = true;
        return () -> {
            if (viewers.remove(viewer) && viewers.isEmpty()) {
                whenIdle.run();
            }
        };
    }

    boolean idle() {
        return viewers.isEmpty() || dead;
    }

    long dropped() {
        return dropped.get();
    }

    long pictures() {
        return encodedPictures.get();
    }

    /** CPU time the decode, mask and encode took, in nanoseconds. */
    long cpuNanos() {
        return cpuNanos.get();
    }

    // ---- from the hub (its dispatch thread): only queue

    @Override
    public void format(MediaFormat format) {
        queue.clear();
        droppingToKeyframe = false;
        offer(format);
    }

    @Override
    public void packet(MediaPacket packet) {
        if (droppingToKeyframe && !packet.keyframe()) {
            dropped.incrementAndGet();
            return;
        }
        droppingToKeyframe = false;
        if (!queue.offer(packet)) {
            // behind: drop what waits and go on from the next keyframe (a P-frame alone decodes to garbage)
            int waiting = queue.size();
            queue.removeIf(item -> item instanceof MediaPacket);
            dropped.addAndGet(waiting + 1L);
            droppingToKeyframe = !packet.keyframe();
            if (packet.keyframe()) {
                queue.offer(packet);
            }
        }
    }

    @Override
    public void ended(String reason) {
        dead = true;
        viewers.forEach(viewer -> viewer.sink.ended(reason));
        viewers.clear();
        offer(END); // the register replaces a dead stream when the next viewer comes
    }

    /** Ended by the hub or failed: serves nobody any more. */
    boolean dead() {
        return dead;
    }

    private void offer(Object item) {
        if (!queue.offer(item)) {
            queue.clear();
            queue.offer(item);
        }
    }

    /** Stops the worker and the upstream subscription; frees the native state. */
    void close() {
        AutoCloseable subscription = upstream;
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("Closing the masked stream's subscription failed", e);
            }
        }
        offer(END);
        worker.interrupt();
    }

    // ---- the worker

    private void run() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try {
            while (true) {
                Object item = queue.poll(1, TimeUnit.SECONDS);
                if (item == END || Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (item == null) {
                    continue;
                }
                long cpu = threads.getCurrentThreadCpuTime();
                try {
                    if (item instanceof MediaFormat format) {
                        openDecoder(format);
                    } else if (item instanceof MediaPacket packet && decoder != null) {
                        decode(packet);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Masked stream {}: {}", name, e.getMessage());
                    dead = true;
                    viewers.forEach(viewer -> viewer.sink.ended("masking failed: " + e.getMessage()));
                    viewers.clear();
                    whenIdle.run();
                    return;
                } finally {
                    cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpu);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            free();
        }
    }

    private void openDecoder(MediaFormat format) {
        if (decoder != null) {
            avcodec_free_context(decoder);
        }
        closeEncoder();
        decoder = Decoders.open(format);
        fps = format.fps() > 0 ? format.fps() : 25;
        keyframeWanted = true;
    }

    private void decode(MediaPacket media) {
        if (av_new_packet(inPacket, media.data().length) < 0) {
            throw new IllegalStateException("out of native memory for a packet");
        }
        inPacket.data().put(media.data());
        inPacket.pts(media.ptsMicros());
        inPacket.dts(media.dtsMicros());
        int sent = avcodec_send_packet(decoder, inPacket);
        av_packet_unref(inPacket);
        if (sent < 0) {
            return; // a broken packet: the decoder recovers at the next keyframe
        }
        wallClock = media.wallClockMicros();
        while (avcodec_receive_frame(decoder, decoded) >= 0) {
            try {
                boolean key = (decoded.flags() & AV_FRAME_FLAG_KEY) != 0;
                AVFrame picture = planar(decoded);
                paint(picture);
                encode(picture, key, decoded.best_effort_timestamp() != AV_NOPTS_VALUE
                        ? decoded.best_effort_timestamp() : media.ptsMicros());
            } finally {
                av_frame_unref(decoded);
            }
        }
    }

    /** The picture as 8-bit planar 4:2:0 (what cameras send; anything else is converted once per picture). */
    private AVFrame planar(AVFrame frame) {
        if (frame.format() == AV_PIX_FMT_YUV420P || frame.format() == AV_PIX_FMT_YUVJ420P) {
            return frame;
        }
        if (converted == null || converted.width() != frame.width() || converted.height() != frame.height()) {
            if (converted != null) {
                av_frame_free(converted);
            }
            converted = av_frame_alloc();
            converted.format(AV_PIX_FMT_YUV420P).width(frame.width()).height(frame.height());
            if (av_frame_get_buffer(converted, 32) < 0) {
                throw new IllegalStateException("cannot allocate a picture");
            }
        }
        converter = sws_getCachedContext(converter, frame.width(), frame.height(), frame.format(), frame.width(),
                frame.height(), AV_PIX_FMT_YUV420P, SWS_BILINEAR, null, null, (DoublePointer) null);
        sws_scale(converter, frame.data(), frame.linesize(), 0, frame.height(), converted.data(),
                converted.linesize());
        converted.pts(frame.pts());
        return converted;
    }

    /** Fills the masked areas: luma black, chroma neutral, in place. */
    private void paint(AVFrame picture) {
        MaskShapes current = shapes.get();
        if (current.isEmpty()) {
            return;
        }
        int width = picture.width();
        int height = picture.height();
        Mat full = current.at(width, height);
        int chromaWidth = (width + 1) / 2;
        int chromaHeight = (height + 1) / 2;
        try (Mat y = new Mat(height, width, CV_8U, picture.data(0), picture.linesize(0));
                Mat u = new Mat(chromaHeight, chromaWidth, CV_8U, picture.data(1), picture.linesize(1));
                Mat v = new Mat(chromaHeight, chromaWidth, CV_8U, picture.data(2), picture.linesize(2));
                Mat half = new Mat()) {
            y.setTo(new Mat(new Scalar(16)), full);
            resize(full, half, new Size(chromaWidth, chromaHeight), 0, 0, INTER_NEAREST);
            u.setTo(new Mat(new Scalar(128)), half);
            v.setTo(new Mat(new Scalar(128)), half);
        }
    }

    private void encode(AVFrame picture, boolean sourceKeyframe, long ptsMicros) {
        if (encoder == null || encoder.width() != picture.width() || encoder.height() != picture.height()) {
            openEncoder(picture.width(), picture.height());
        }
        picture.pts(ptsMicros);
        boolean forceKey = keyframeWanted;
        // keyframes where the camera has them (and for a viewer who just joined): the viewers' GOPs follow the source
        picture.pict_type(forceKey || sourceKeyframe ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        keyframeWanted = false;
        if (avcodec_send_frame(encoder, picture) < 0) {
            return;
        }
        encodedPictures.incrementAndGet();
        while (true) {
            int received = avcodec_receive_packet(encoder, outPacket);
            if (received == AVERROR_EAGAIN || received < 0) {
                break;
            }
            byte[] data = new byte[outPacket.size()];
            outPacket.data().get(data);
            boolean key = (outPacket.flags() & AV_PKT_FLAG_KEY) != 0;
            MediaPacket out = new MediaPacket(outPacket.pts(), outPacket.dts(), key, data, wallClock);
            av_packet_unref(outPacket);
            for (Viewer viewer : viewers) {
                if (!viewer.started && key) {
                    viewer.started = true;
                }
                if (viewer.started) {
                    try {
                        viewer.sink.packet(out);
                    } catch (RuntimeException e) {
                        LOG.debug("A masked viewer of {} failed: {}", name, e.toString());
                    }
                }
            }
        }
    }

    private void openEncoder(int width, int height) {
        closeEncoder();
        AVCodec codec = avcodec_find_encoder_by_name("libopenh264");
        if (codec == null) {
            throw new IllegalStateException("FFmpeg has no libopenh264 encoder");
        }
        encoder = avcodec_alloc_context3(codec);
        long bitrate = Math.max(400_000L, Math.min(8_000_000L, (long) (width * (long) height * fps * 0.1)));
        encoder.width(width).height(height).pix_fmt(AV_PIX_FMT_YUV420P).time_base(av_make_q(1, 1_000_000))
                .framerate(av_make_q((int) Math.round(fps), 1)).gop_size((int) Math.round(fps * 2))
                .max_b_frames(0).bit_rate(bitrate).thread_count(1);
        int result = avcodec_open2(encoder, codec, (AVDictionary) null);
        if (result < 0) {
            avcodec_free_context(encoder);
            encoder = null;
            throw new IllegalStateException("cannot open the H.264 encoder: error " + result);
        }
        MediaFormat format = new MediaFormat("h264", width, height, fps, null);
        outFormat = format;
        for (Viewer viewer : viewers) {
            viewer.started = false;
            viewer.sink.format(format);
        }
        keyframeWanted = true;
    }

    private void closeEncoder() {
        if (encoder != null) {
            avcodec_free_context(encoder);
            encoder = null;
        }
    }

    private void free() {
        closeEncoder();
        if (decoder != null) {
            avcodec_free_context(decoder);
            decoder = null;
        }
        if (converted != null) {
            av_frame_free(converted);
        }
        if (converter != null) {
            sws_freeContext(converter);
        }
        av_frame_free(decoded);
        av_packet_free(inPacket);
        av_packet_free(outPacket);
    }
}
