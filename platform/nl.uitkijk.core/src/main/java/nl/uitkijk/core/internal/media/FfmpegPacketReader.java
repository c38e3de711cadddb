package nl.uitkijk.core.internal.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.net.URI;
import java.util.function.BooleanSupplier;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.MediaSink;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Reads the video packets of a stream URI with FFmpeg, without decoding, and hands them on with times in
 * microseconds. One call reads until the stream ends, fails or {@code keepGoing} turns false.
 */
final class FfmpegPacketReader {

    private static final AVRational MICROS = av_make_q(1, 1_000_000);

    private FfmpegPacketReader() {
    }

    /**
     * @param onFirstPacket called once packets flow (the connection counts as established)
     * @throws StreamException with a reason for operators; credentials never appear in it
     */
    static void read(URI uri, int timeoutSeconds, BooleanSupplier keepGoing, MediaSink sink, Runnable onFirstPacket)
            throws StreamException {
        String shown = withoutCredentials(uri);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(uri.toString());
        if ("rtsp".equalsIgnoreCase(uri.getScheme()) || "rtsps".equalsIgnoreCase(uri.getScheme())) {
            grabber.setFormat("rtsp");
            grabber.setOption("rtsp_transport", "tcp");
        }
        grabber.setOption("timeout", Long.toString(timeoutSeconds * 1_000_000L));
        grabber.setTimeout(timeoutSeconds * 1000);
        try {
            grabber.start();
            int video = grabber.getVideoStream();
            if (video < 0) {
                throw new StreamException("the stream has no video");
            }
            AVStream stream = grabber.getFormatContext().streams(video);
            AVCodecParameters parameters = stream.codecpar();
            byte[] extradata = new byte[Math.max(0, parameters.extradata_size())];
            if (extradata.length > 0) {
                parameters.extradata().get(extradata);
            }
            sink.format(new MediaFormat(avcodec_get_name(parameters.codec_id()).getString(), parameters.width(),
                    parameters.height(), grabber.getFrameRate(), extradata));
            AVRational timeBase = stream.time_base();
            long frameMicros = grabber.getFrameRate() > 0 ? (long) (1_000_000 / grabber.getFrameRate()) : 40_000;
            long lastDts = 0;
            boolean timed = false;
            java.util.List<MediaPacket> untimed = new java.util.ArrayList<>();
            boolean hevc = parameters.codec_id() == org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
            byte[] pending = new byte[0];
            while (keepGoing.getAsBoolean()) {
                AVPacket packet = grabber.grabPacket();
                if (packet == null) {
                    throw new StreamException("the stream ended");
                }
                if (packet.stream_index() != video || packet.size() <= 0) {
                    continue;
                }
                byte[] data = new byte[packet.size()];
                packet.data().get(data);
                if (parameterSetsOnly(data, hevc)) {
                    // Some cameras send SPS/PPS as a packet of their own with the picture's time stamp: keep them
                    // with the picture they belong to, so that every packet is one picture with its own time.
                    pending = concat(pending, data);
                    continue;
                }
                if (pending.length > 0) {
                    data = concat(pending, data);
                    pending = new byte[0];
                }
                long wallClock = System.currentTimeMillis() * 1000;
                boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
                boolean stamped = packet.pts() != AV_NOPTS_VALUE || packet.dts() != AV_NOPTS_VALUE;
                if (!stamped && !timed) {
                    // RTSP's first packet often has no time stamp: it is one frame before the first that has one.
                    untimed.add(new MediaPacket(0, 0, key, data, wallClock));
                    continue;
                }
                // Keep one time line: a missing stamp is taken from the other one, or from the previous packet.
                long pts = packet.pts() != AV_NOPTS_VALUE ? av_rescale_q(packet.pts(), timeBase, MICROS)
                        : packet.dts() != AV_NOPTS_VALUE ? av_rescale_q(packet.dts(), timeBase, MICROS)
                        : lastDts + frameMicros;
                long dts = packet.dts() != AV_NOPTS_VALUE ? av_rescale_q(packet.dts(), timeBase, MICROS) : pts;
                if (!timed) {
                    timed = true;
                    onFirstPacket.run();
                    for (int i = 0; i < untimed.size(); i++) {
                        MediaPacket early = untimed.get(i);
                        long time = dts - (untimed.size() - i) * frameMicros;
                        sink.packet(new MediaPacket(time, time, early.keyframe(), early.data(),
                                early.wallClockMicros()));
                    }
                    untimed.clear();
                }
                lastDts = dts;
                sink.packet(new MediaPacket(pts, dts, key, data, wallClock));
            }
        } catch (FrameGrabber.Exception e) {
            String message = e.getMessage() == null ? "unknown error" : e.getMessage().replace(uri.toString(), shown);
            int hints = message.indexOf(" (Has setFormat()"); // JavaCV's hints for developers, not for operators
            message = hints < 0 ? message : message.substring(0, hints);
            throw new StreamException("cannot read " + shown + ": " + message);
        } finally {
            try {
                grabber.release();
            } catch (FrameGrabber.Exception e) {
                // Released as far as FFmpeg lets us; the next connection starts clean.
            }
        }
    }

    /** Whether an Annex-B packet holds only parameter sets or SEI, no coded picture. */
    static boolean parameterSetsOnly(byte[] data, boolean hevc) {
        boolean any = false;
        for (int i = 0; i + 3 < data.length; i++) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
                int header = data[i + 3] & 0xff;
                int type = hevc ? (header >> 1) & 0x3f : header & 0x1f;
                boolean picture = hevc ? type < 32 : type >= 1 && type <= 5;
                if (picture) {
                    return false;
                }
                any = true;
                i += 2;
            }
        }
        return any;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    static String withoutCredentials(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.toString().replace(uri.getRawUserInfo() + "@", "");
    }

    static final class StreamException extends Exception {
        private static final long serialVersionUID = 1L;

        StreamException(String message) {
            super(message);
        }
    }
}
