package nl.uitkijk.core.internal.media.rtsp;

/**
 * The few facts of an H.264 sequence parameter set (ITU-T H.264 7.3.2.1) a recorder needs: picture size after
 * cropping and the frame rate from the VUI timing, when the camera sends one.
 */
record H264Sps(int width, int height, double fps) {

    /** 16,384 pixels: far beyond any camera, and no overflow when multiplied by 16. */
    private static final int MAX_MACROBLOCKS = 1024;

    /** @param nal one SPS NAL unit, header byte included, emulation prevention still in place */
    static H264Sps parse(byte[] nal) {
        if (nal == null || nal.length < 4) {
            // found by fuzzing: an empty parameter set from a camera failed with NegativeArraySizeException
            throw new IllegalArgumentException("an SPS of " + (nal == null ? 0 : nal.length) + " bytes is too short");
        }
        BitReader bits = new BitReader(unescape(nal, 1));
        int profile = bits.bits(8);
        bits.bits(16); // constraint flags, level
        bits.ue(); // seq_parameter_set_id
        int chromaFormat = 1;
        if (profile == 100 || profile == 110 || profile == 122 || profile == 244 || profile == 44 || profile == 83
                || profile == 86 || profile == 118 || profile == 128 || profile == 138 || profile == 139
                || profile == 134 || profile == 135) {
            chromaFormat = bits.ue();
            if (chromaFormat == 3) {
                bits.bits(1); // separate_colour_plane_flag
            }
            bits.ue(); // bit_depth_luma_minus8
            bits.ue(); // bit_depth_chroma_minus8
            bits.bits(1); // qpprime_y_zero_transform_bypass_flag
            if (bits.flag()) { // seq_scaling_matrix_present_flag
                for (int i = 0; i < (chromaFormat != 3 ? 8 : 12); i++) {
                    if (bits.flag()) {
                        skipScalingList(bits, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        bits.ue(); // log2_max_frame_num_minus4
        int pocType = bits.ue();
        if (pocType == 0) {
            bits.ue();
        } else if (pocType == 1) {
            bits.bits(1);
            bits.se();
            bits.se();
            int cycle = bits.ue();
            for (int i = 0; i < cycle; i++) {
                bits.se();
            }
        }
        bits.ue(); // max_num_ref_frames
        bits.bits(1); // gaps_in_frame_num_value_allowed_flag
        int widthInMbs = bits.ue() + 1;
        int heightInMapUnits = bits.ue() + 1;
        boolean frameMbsOnly = bits.flag();
        if (!frameMbsOnly) {
            bits.bits(1); // mb_adaptive_frame_field_flag
        }
        bits.bits(1); // direct_8x8_inference_flag
        int width = widthInMbs * 16;
        int height = (2 - (frameMbsOnly ? 1 : 0)) * heightInMapUnits * 16;
        if (bits.flag()) { // frame_cropping_flag
            int cropUnitX = chromaFormat == 0 || chromaFormat == 3 ? 1 : 2;
            int cropUnitY = (chromaFormat == 1 ? 2 : 1) * (2 - (frameMbsOnly ? 1 : 0));
            if (chromaFormat == 0) {
                cropUnitY = 2 - (frameMbsOnly ? 1 : 0);
            }
            int left = bits.ue();
            int right = bits.ue();
            int top = bits.ue();
            int bottom = bits.ue();
            width -= (int) Math.min(Integer.MAX_VALUE, ((long) left + right) * cropUnitX);
            height -= (int) Math.min(Integer.MAX_VALUE, ((long) top + bottom) * cropUnitY);
        }
        // found by fuzzing: cropping (or a size field) beyond the picture gave a negative or absurd size
        if (widthInMbs > MAX_MACROBLOCKS || heightInMapUnits > MAX_MACROBLOCKS || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("the SPS describes no plausible picture (" + width + "x" + height + ")");
        }
        return new H264Sps(width, height, bits.flag() ? vuiFrameRate(bits) : 0);
    }

    private static double vuiFrameRate(BitReader bits) {
        if (bits.flag() && bits.bits(8) == 255) { // aspect_ratio_info_present_flag, aspect_ratio_idc == Extended_SAR
            bits.bits(32);
        }
        if (bits.flag()) { // overscan_info_present_flag
            bits.bits(1);
        }
        if (bits.flag()) { // video_signal_type_present_flag
            bits.bits(4);
            if (bits.flag()) {
                bits.bits(24);
            }
        }
        if (bits.flag()) { // chroma_loc_info_present_flag
            bits.ue();
            bits.ue();
        }
        if (!bits.flag()) { // timing_info_present_flag
            return 0;
        }
        long unitsInTick = bits.bitsLong(32);
        long timeScale = bits.bitsLong(32);
        return unitsInTick == 0 ? 0 : timeScale / (2.0 * unitsInTick);
    }

    private static void skipScalingList(BitReader bits, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + bits.se() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }

    /** Removes the emulation prevention bytes (00 00 03 → 00 00) from a NAL unit's payload. */
    static byte[] unescape(byte[] nal, int from) {
        byte[] out = new byte[nal.length - from];
        int length = 0;
        int zeros = 0;
        for (int i = from; i < nal.length; i++) {
            byte b = nal[i];
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out[length++] = b;
        }
        return java.util.Arrays.copyOf(out, length);
    }

    /** Reads bits most significant first; past the end it reads zeros (a truncated SPS: a wrong size, no crash). */
    private static final class BitReader {
        private final byte[] data;
        private int position;

        BitReader(byte[] data) {
            this.data = data;
        }

        boolean flag() {
            return bits(1) == 1;
        }

        int bits(int count) {
            return (int) bitsLong(count);
        }

        long bitsLong(int count) {
            long value = 0;
            for (int i = 0; i < count; i++) {
                int index = position >> 3;
                int bit = index < data.length ? (data[index] >> (7 - (position & 7))) & 1 : 0;
                value = (value << 1) | bit;
                position++;
            }
            return value;
        }

        int ue() {
            int zeros = 0;
            while (bits(1) == 0) {
                if (++zeros > 31) {
                    throw new IllegalArgumentException("malformed SPS");
                }
            }
            return (int) ((1L << zeros) - 1 + bitsLong(zeros));
        }

        int se() {
            int code = ue();
            return (code & 1) == 1 ? (code + 1) / 2 : -(code / 2);
        }
    }
}
