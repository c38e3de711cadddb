package nl.uitkijk.core.internal.analytics;

import java.nio.file.Path;
import java.util.function.Consumer;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/** A real clip's packets as the media hub hands them on (times in microseconds). */
public final class ClipPackets implements AutoCloseable {
    private final FFmpegFrameGrabber grabber;
    private final AVStream stream;
    public final MediaFormat format;

    public ClipPackets(Path file) throws Exception {
        grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.start();
        stream = grabber.getFormatContext().streams(grabber.getVideoStream());
        AVCodecParameters parameters = stream.codecpar();
        byte[] extradata = new byte[parameters.extradata_size()];
        parameters.extradata().get(extradata);
        format = new MediaFormat(avcodec.avcodec_get_name(parameters.codec_id()).getString(), parameters.width(),
                parameters.height(), grabber.getFrameRate(), extradata);
    }

    public void forEachPacket(Consumer<MediaPacket> sink) throws Exception {
        for (AVPacket packet; (packet = grabber.grabPacket()) != null;) {
            if (packet.stream_index() != grabber.getVideoStream()) {
                continue;
            }
            byte[] data = new byte[packet.size()];
            packet.data().get(data);
            long micros = avutil.av_rescale_q(packet.pts(), stream.time_base(), avutil.av_make_q(1, 1_000_000));
            sink.accept(new MediaPacket(micros, micros, (packet.flags() & avcodec.AV_PKT_FLAG_KEY) != 0, data,
                    micros));
        }
    }

    @Override
    public void close() throws Exception {
        grabber.close();
    }
}
