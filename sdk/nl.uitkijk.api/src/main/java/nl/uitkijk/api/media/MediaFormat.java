package nl.uitkijk.api.media;

/**
 * The format of a packet stream: enough to remux it without decoding.
 *
 * @param codec FFmpeg codec name ({@code h264}, {@code hevc})
 * @param width width in pixels
 * @param height height in pixels
 * @param fps nominal frames per second
 * @param extradata codec configuration (e.g. H.264 SPS/PPS in Annex-B or avcC form), may be empty when the
 *                  stream carries it in-band
 */
public record MediaFormat(String codec, int width, int height, double fps, byte[] extradata) {

    public MediaFormat {
        extradata = extradata == null ? new byte[0] : extradata;
    }
}
