package nl.uitkijk.recorder.segment.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_flush;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.file.Path;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/**
 * Writes packets as they are (no transcoding) into one fragmented MP4 file: a fragment per keyframe, so that a file
 * cut off by a crash is still playable up to its last complete fragment. Times are relative to the first packet.
 */
final class Fmp4SegmentWriter implements AutoCloseable {

    private static final AVRational MICROS = av_make_q(1, 1_000_000);

    private final AVFormatContext context = new AVFormatContext(null);
    private final AVStream stream;
    private final AVPacket packet = av_packet_alloc();
    private long firstDts;
    private long lastDts = Long.MIN_VALUE / 2;
    private boolean zeroKnown;
    private boolean open;

    /**
     * @param extradata codec configuration in Annex-B or avcC form (never empty for H.264: MP4 needs it)
     * @param firstDts decode time in microseconds that becomes the file's zero, or {@code null} for the first
     *                 packet's
     */
    Fmp4SegmentWriter(Path file, MediaFormat format, byte[] extradata, Long firstDts) throws IOException {
        if (firstDts != null) {
            this.firstDts = firstDts;
            this.zeroKnown = true;
        }
        check(avformat_alloc_output_context2(context, null, "mp4", file.toString()), "prepare " + file);
        AVCodec codec = avcodec_find_decoder_by_name(format.codec());
        if (codec == null) {
            avformat_free_context(context);
            throw new IOException("unknown codec '" + format.codec() + "'");
        }
        stream = avformat_new_stream(context, null);
        AVCodecParameters parameters = stream.codecpar();
        parameters.codec_type(AVMEDIA_TYPE_VIDEO).codec_id(codec.id()).width(format.width()).height(format.height());
        BytePointer config = new BytePointer(av_malloc(extradata.length + AV_INPUT_BUFFER_PADDING_SIZE))
                .capacity(extradata.length + AV_INPUT_BUFFER_PADDING_SIZE);
        config.put(extradata);
        for (int i = 0; i < AV_INPUT_BUFFER_PADDING_SIZE; i++) {
            config.put(extradata.length + i, (byte) 0);
        }
        parameters.extradata(config).extradata_size(extradata.length);
        stream.time_base(av_make_q(1, 90_000));
        AVIOContext io = new AVIOContext(null);
        try {
            check(avio_open(io, file.toString(), AVIO_FLAG_WRITE), "open " + file);
            context.pb(io);
            AVDictionary options = new AVDictionary(null);
            av_dict_set(options, "movflags", "frag_keyframe+empty_moov+default_base_moof", 0);
            int header = avformat_write_header(context, options);
            av_dict_free(options);
            check(header, "write the header of " + file);
        } catch (IOException e) {
            release();
            throw e;
        }
        open = true;
    }

    void write(MediaPacket media) throws IOException {

        if (!zeroKnown) {
            firstDts = media.dtsMicros();
            zeroKnown = true;
        }
        check(av_new_packet(packet, media.data().length), "allocate a packet");
        packet.data().put(media.data());
        AVRational timeBase = stream.time_base();
        // MP4 needs strictly increasing decode times; a camera's clock jitter must not make a write fail. A clash
        // moves the packet a millisecond on, which players (that count in milliseconds) still see as later.
        long dtsMicros = Math.max(media.dtsMicros() - firstDts, lastDts + 1_000);
        lastDts = dtsMicros;
        long dts = av_rescale_q(dtsMicros, MICROS, timeBase);
        packet.dts(dts);
        packet.pts(Math.max(dts, av_rescale_q(media.ptsMicros() - firstDts, MICROS, timeBase)));
        packet.stream_index(stream.index());
        packet.flags(media.keyframe() ? AV_PKT_FLAG_KEY : 0);
        check(av_interleaved_write_frame(context, packet), "write a packet");
        if (media.keyframe()) {
            // A keyframe closed the previous fragment: it goes to disk now, not when a 32 KB buffer fills, so that
            // after a crash the unfinished file still plays up to its last complete fragment. Once per group of
            // pictures, not per packet: a system call per packet would cost more than the copy itself.
            avio_flush(context.pb());
        }
    }

    @Override
    public void close() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        int trailer = av_write_trailer(context);
        release();
        check(trailer, "finish the file");
    }

    private void release() {
        if (context.pb() != null && !context.pb().isNull()) {
            avio_closep(context.pb());
        }
        avformat_free_context(context);
        av_packet_free(packet);
    }

    private static void check(int result, String what) throws IOException {
        if (result < 0) {
            byte[] text = new byte[256];
            av_strerror(result, text, text.length);
            String message = new String(text, java.nio.charset.StandardCharsets.US_ASCII).trim().replace("\0", "");
            throw new IOException("cannot " + what + ": " + message + " (" + result + ")");
        }
    }
}
