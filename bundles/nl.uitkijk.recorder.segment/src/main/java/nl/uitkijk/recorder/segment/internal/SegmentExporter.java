package nl.uitkijk.recorder.segment.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.recording.TimeRange;
import nl.uitkijk.recorder.segment.internal.SegmentIndex.Segment;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Joins the segments of a range into one MP4, remuxed, never transcoded. It starts at the last keyframe at or before
 * the start of the range (a picture needs its keyframe) and stops before the end.
 */
final class SegmentExporter {

    private static final AVRational MICROS = av_make_q(1, 1_000_000);

    private SegmentExporter() {
    }

    /** @return whether anything was written */
    static boolean export(Path root, List<Segment> segments, TimeRange range, Path target) throws IOException {
        long from = SegmentIndex.micros(range.start());
        long to = SegmentIndex.micros(range.end());
        Fmp4SegmentWriter writer = null;
        List<MediaPacket> sinceKeyframe = new ArrayList<>();
        boolean started = false;
        long lastTime = Long.MIN_VALUE;
        long frameMicros = 100_000;
        try {
            for (Segment segment : segments) {
                long offset = SegmentIndex.micros(segment.start()) - from;
                boolean firstOfSegment = true;
                FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(root.resolve(segment.path()).toFile());
                try {
                    grabber.start();
                    int video = grabber.getVideoStream();
                    AVStream stream = grabber.getFormatContext().streams(video);
                    AVRational timeBase = stream.time_base();
                    if (writer == null) {
                        writer = openWriter(target, stream, grabber.getFrameRate());
                    }
                    if (grabber.getFrameRate() > 0) {
                        frameMicros = (long) (1_000_000 / grabber.getFrameRate());
                    }
                    AVPacket packet;
                    while ((packet = grabber.grabPacket()) != null) {
                        if (packet.stream_index() != video || packet.size() <= 0) {
                            continue;
                        }
                        long dts = (packet.dts() == AV_NOPTS_VALUE ? packet.pts() : packet.dts());
                        long time = offset + av_rescale_q(dts, timeBase, MICROS);
                        if (firstOfSegment && time < lastTime + frameMicros) {
                            // Segment starts are wall-clock times of arrival: where they overlap the previous
                            // segment, or follow it closer than one frame, by jitter, continue one frame after it.
                            offset += lastTime + frameMicros - time;
                            time = lastTime + frameMicros;
                        }
                        firstOfSegment = false;
                        lastTime = time;
                        if (time >= to - from) {
                            break;
                        }
                        long pts = offset + av_rescale_q(packet.pts() == AV_NOPTS_VALUE ? dts : packet.pts(),
                                timeBase, MICROS);
                        byte[] data = new byte[packet.size()];
                        packet.data().get(data);
                        MediaPacket media = new MediaPacket(pts, time, (packet.flags() & AV_PKT_FLAG_KEY) != 0,
                                data, 0);
                        if (started) {
                            writer.write(media);
                        } else if (time < 0) {
                            if (media.keyframe()) {
                                sinceKeyframe.clear();
                            }
                            if (media.keyframe() || !sinceKeyframe.isEmpty()) {
                                sinceKeyframe.add(media);
                            }
                        } else {
                            started = start(writer, sinceKeyframe, media);
                        }
                    }
                } catch (FrameGrabber.Exception e) {
                    throw new IOException("segment " + segment.path() + " cannot be read: " + e.getMessage(), e);
                } finally {
                    try {
                        grabber.release();
                    } catch (FrameGrabber.Exception e) {
                        // The segment was read as far as it goes.
                    }
                }
            }
            if (!started && !sinceKeyframe.isEmpty() && writer != null) {
                for (MediaPacket media : sinceKeyframe) {
                    writer.write(media);
                }
                started = true;
            }
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        return started;
    }

    private static boolean start(Fmp4SegmentWriter writer, List<MediaPacket> sinceKeyframe, MediaPacket first)
            throws IOException {
        if (sinceKeyframe.isEmpty() && !first.keyframe()) {
            return false; // no picture can be shown before the next keyframe
        }
        for (MediaPacket media : sinceKeyframe) {
            writer.write(media);
        }
        sinceKeyframe.clear();
        writer.write(first);
        return true;
    }

    private static Fmp4SegmentWriter openWriter(Path target, AVStream stream, double fps) throws IOException {
        AVCodecParameters parameters = stream.codecpar();
        byte[] extradata = new byte[Math.max(0, parameters.extradata_size())];
        if (extradata.length > 0) {
            parameters.extradata().get(extradata);
        }
        MediaFormat format = new MediaFormat(avcodec_get_name(parameters.codec_id()).getString(),
                parameters.width(), parameters.height(), fps, extradata);
        // Times may start before zero (the keyframe before the range): the first packet written is the zero.
        return new Fmp4SegmentWriter(target, format, extradata, null);
    }
}
