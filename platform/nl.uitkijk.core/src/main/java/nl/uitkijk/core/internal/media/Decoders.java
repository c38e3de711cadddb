package nl.uitkijk.core.internal.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;

import nl.uitkijk.api.media.MediaFormat;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;

/** Opens FFmpeg decoders for the hub's streams: the stills, and analytics. */
public final class Decoders {

    private Decoders() {
    }

    /**
     * A decoder for the stream, on one thread (many cameras share the cores; no frame-threading delay), with the
     * stream's parameter sets. Free it with {@code avcodec_free_context}.
     *
     * @throws IllegalArgumentException when FFmpeg has no decoder for the codec, or cannot open it
     */
    public static AVCodecContext open(MediaFormat format) {
        AVCodec codec = avcodec_find_decoder_by_name(format.codec());
        if (codec == null) {
            throw new IllegalArgumentException("no decoder for codec '" + format.codec() + "'");
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        context.thread_count(1);
        byte[] extradata = format.extradata();
        if (extradata.length > 0) {
            BytePointer copy = new BytePointer(av_mallocz(extradata.length + AV_INPUT_BUFFER_PADDING_SIZE));
            copy.put(extradata);
            context.extradata(copy).extradata_size(extradata.length); // freed with the context
        }
        int opened = avcodec_open2(context, codec, (AVDictionary) null);
        if (opened < 0) {
            avcodec_free_context(context);
            throw new IllegalArgumentException("cannot open the " + format.codec() + " decoder: error " + opened);
        }
        return context;
    }
}
