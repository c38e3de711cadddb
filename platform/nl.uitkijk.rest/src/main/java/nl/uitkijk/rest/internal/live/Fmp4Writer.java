package nl.uitkijk.rest.internal.live;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Fragmented MP4 (ISO/IEC 14496-12, the byte-stream format of Media Source Extensions) for one H.264 or H.265 track:
 * an initialisation segment from the parameter sets ({@code avcC}/{@code hvcC} of ISO/IEC 14496-15), then one
 * {@code moof}+{@code mdat} fragment per access unit, so a browser can show each frame as soon as it arrives. Samples
 * are copied, never decoded or re-encoded.
 */
final class Fmp4Writer {

    /** 90 kHz, the clock of RTP video: packet times convert without rounding. */
    static final int TIMESCALE = 90_000;
    private static final int KEY_FLAGS = 0x0200_0000;        // depends on no other sample
    private static final int NON_KEY_FLAGS = 0x0101_0000;    // depends on others, not a sync sample

    private Fmp4Writer() {
    }

    /** The MSE codec string of an SPS, e.g. {@code avc1.64001f}. */
    static String codec(byte[] sps) {
        return String.format("avc1.%02x%02x%02x", sps[1] & 0xFF, sps[2] & 0xFF, sps[3] & 0xFF);
    }

    /**
     * The MSE codec string of an H.265 SPS (ISO/IEC 14496-15 annex E), e.g. {@code hvc1.1.6.L93.B0}: profile space
     * and profile, the compatibility flags bit-reversed, tier and level, the constraint bytes without trailing zeros.
     */
    static String hevcCodec(byte[] sps) {
        byte[] tier = hevcProfileTierLevel(sps);
        StringBuilder codec = new StringBuilder("hvc1.");
        int space = (tier[0] >> 6) & 0x3;
        if (space > 0) {
            codec.append((char) ('A' + space - 1));
        }
        codec.append(tier[0] & 0x1F).append('.');
        int compatibility = ((tier[1] & 0xFF) << 24) | ((tier[2] & 0xFF) << 16) | ((tier[3] & 0xFF) << 8)
                | (tier[4] & 0xFF);
        codec.append(Integer.toHexString(Integer.reverse(compatibility))).append('.');
        codec.append((tier[0] & 0x20) != 0 ? 'H' : 'L').append(tier[11] & 0xFF);
        int last = 10;
        while (last >= 5 && tier[last] == 0) {
            last--;
        }
        for (int i = 5; i <= last; i++) {
            codec.append('.').append(String.format("%02X", tier[i] & 0xFF));
        }
        return codec.toString();
    }

    /** {@code ftyp} + {@code moov} for one H.264 track of this size. */
    static byte[] initSegment(byte[] sps, byte[] pps, int width, int height) {
        if (sps.length < 4 || pps.length < 1) {
            throw new IllegalArgumentException("SPS and PPS are needed for an initialisation segment");
        }
        Box avcC = new Box("avcC").u8(1).u8(sps[1]).u8(sps[2]).u8(sps[3]).u8(0xFF).u8(0xE1)
                .u16(sps.length).bytes(sps).u8(1).u16(pps.length).bytes(pps);
        return initSegment(new Box("avc1"), avcC, width, height);
    }

    /**
     * {@code ftyp} + {@code moov} for one H.265 track: an {@code hvc1} sample entry whose {@code hvcC} holds the
     * three parameter sets (so the samples carry none).
     */
    static byte[] hevcInitSegment(byte[] vps, byte[] sps, byte[] pps, int width, int height) {
        byte[] tier = hevcProfileTierLevel(sps);
        int first = unescape(sps, 2, 1)[0]; // vps id (4), max sub-layers - 1 (3), temporal id nesting (1)
        int subLayers = ((first >> 1) & 0x7) + 1;
        boolean nested = (first & 0x1) != 0;
        int bitDepth = (tier[0] & 0x1F) == 2 ? 2 : 0; // Main 10 (the SPS says exactly; decoders read it from there)
        Box hvcC = new Box("hvcC").u8(1).bytes(java.util.Arrays.copyOf(tier, 12))
                .u16(0xF000).u8(0xFC).u8(0xFC | 1).u8(0xF8 | bitDepth).u8(0xF8 | bitDepth).u16(0)
                .u8((subLayers << 3) | (nested ? 0x4 : 0) | 0x3).u8(3);
        for (byte[] set : new byte[][] { vps, sps, pps }) {
            hvcC.u8(0x80 | ((set[0] >> 1) & 0x3F)).u16(1).u16(set.length).bytes(set);
        }
        return initSegment(new Box("hvc1"), hvcC, width, height);
    }

    /** The 12 bytes of general_profile_tier_level, right after the SPS's NAL header and first byte. */
    private static byte[] hevcProfileTierLevel(byte[] sps) {
        byte[] rbsp = unescape(sps, 2, 16);
        if (rbsp.length < 13) {
            throw new IllegalArgumentException("an H.265 SPS too short for its profile, tier and level");
        }
        return java.util.Arrays.copyOfRange(rbsp, 1, 13);
    }

    /** Up to {@code count} payload bytes from {@code from} with the emulation-prevention bytes (00 00 03) removed. */
    private static byte[] unescape(byte[] nal, int from, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count);
        int zeros = 0;
        for (int i = from; i < nal.length && out.size() < count; i++) {
            int value = nal[i] & 0xFF;
            if (zeros >= 2 && value == 3) {
                zeros = 0;
                continue;
            }
            zeros = value == 0 ? zeros + 1 : 0;
            out.write(value);
        }
        return out.toByteArray();
    }

    private static byte[] initSegment(Box sampleEntry, Box configuration, int width, int height) {
        Box ftyp = new Box("ftyp").text("iso5").u32(512).text("iso5").text("iso6").text("mp41");
        Box entry = sampleEntry.zeros(6).u16(1).zeros(16).u16(width).u16(height).u32(0x0048_0000)
                .u32(0x0048_0000).u32(0).u16(1).zeros(32).u16(0x18).u16(0xFFFF).box(configuration);
        Box stbl = new Box("stbl")
                .box(new Box("stsd").full(0, 0).u32(1).box(entry))
                .box(new Box("stts").full(0, 0).u32(0))
                .box(new Box("stsc").full(0, 0).u32(0))
                .box(new Box("stsz").full(0, 0).u32(0).u32(0))
                .box(new Box("stco").full(0, 0).u32(0));
        Box minf = new Box("minf")
                .box(new Box("vmhd").full(0, 1).zeros(8))
                .box(new Box("dinf").box(new Box("dref").full(0, 0).u32(1).box(new Box("url ").full(0, 1))))
                .box(stbl);
        Box mdia = new Box("mdia")
                .box(new Box("mdhd").full(0, 0).u32(0).u32(0).u32(TIMESCALE).u32(0).u16(0x55C4).u16(0))
                .box(new Box("hdlr").full(0, 0).u32(0).text("vide").zeros(12).bytes(
                        "Uitkijk video\0".getBytes(StandardCharsets.US_ASCII)))
                .box(minf);
        Box trak = new Box("trak")
                .box(new Box("tkhd").full(0, 3).u32(0).u32(0).u32(1).u32(0).u32(0).zeros(8).u16(0).u16(0).u16(0)
                        .u16(0).matrix().u32(width << 16).u32(height << 16))
                .box(mdia);
        Box moov = new Box("moov")
                .box(new Box("mvhd").full(0, 0).u32(0).u32(0).u32(1000).u32(0).u32(0x0001_0000).u16(0x0100)
                        .zeros(10).matrix().zeros(24).u32(2))
                .box(trak)
                .box(new Box("mvex").box(new Box("trex").full(0, 0).u32(1).u32(1).u32(0).u32(0).u32(0)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ftyp.writeTo(out);
        moov.writeTo(out);
        return out.toByteArray();
    }

    /**
     * One fragment holding one sample.
     *
     * @param sequence counts fragments from 1
     * @param decodeTime the sample's decode time in {@link #TIMESCALE} units since the stream's start
     * @param duration its duration in the same units (the previous frame's, for a live stream)
     * @param compositionOffset presentation minus decode time
     * @param sample the access unit as length-prefixed NAL units (4-byte lengths)
     */
    static byte[] fragment(int sequence, long decodeTime, int duration, int compositionOffset, boolean keyframe,
            byte[] sample) {
        Box trun = new Box("trun").full(1, 0x000F01).u32(1).u32(0).u32(duration).u32(sample.length)
                .u32(keyframe ? KEY_FLAGS : NON_KEY_FLAGS).u32(compositionOffset);
        Box moof = new Box("moof")
                .box(new Box("mfhd").full(0, 0).u32(sequence))
                .box(new Box("traf")
                        .box(new Box("tfhd").full(0, 0x020000).u32(1))
                        .box(new Box("tfdt").full(1, 0).u64(decodeTime))
                        .box(trun));
        byte[] moofBytes = moof.toByteArray();
        // trun's data offset: from the start of moof to the first sample byte, past mdat's 8-byte header
        int dataOffsetAt = moofBytes.length - 16 - 4;
        ByteBuffer.wrap(moofBytes, dataOffsetAt, 4).putInt(moofBytes.length + 8);
        ByteBuffer fragment = ByteBuffer.allocate(moofBytes.length + 8 + sample.length);
        fragment.put(moofBytes).putInt(8 + sample.length).put("mdat".getBytes(StandardCharsets.US_ASCII)).put(sample);
        return fragment.array();
    }

    /** An ISO BMFF box being written: its payload grows, its size is known when written out. */
    private static final class Box {
        private final String type;
        private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

        Box(String type) {
            this.type = type;
        }

        Box full(int version, int flags) {
            return u8(version).u8(flags >> 16).u8(flags >> 8).u8(flags);
        }

        Box u8(int value) {
            payload.write(value & 0xFF);
            return this;
        }

        Box u16(int value) {
            return u8(value >> 8).u8(value);
        }

        Box u32(int value) {
            return u16(value >> 16).u16(value);
        }

        Box u64(long value) {
            return u32((int) (value >> 32)).u32((int) value);
        }

        Box zeros(int count) {
            payload.writeBytes(new byte[count]);
            return this;
        }

        Box text(String fourCc) {
            payload.writeBytes(fourCc.getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Box bytes(byte[] data) {
            payload.writeBytes(data);
            return this;
        }

        /** The unity matrix of mvhd and tkhd. */
        Box matrix() {
            return u32(0x0001_0000).u32(0).u32(0).u32(0).u32(0x0001_0000).u32(0).u32(0).u32(0).u32(0x4000_0000);
        }

        Box box(Box child) {
            payload.writeBytes(child.toByteArray());
            return this;
        }

        byte[] toByteArray() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writeTo(out);
            return out.toByteArray();
        }

        void writeTo(ByteArrayOutputStream out) {
            int size = 8 + payload.size();
            out.write(size >>> 24);
            out.write(size >>> 16);
            out.write(size >>> 8);
            out.write(size);
            out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(payload.toByteArray());
        }
    }
}
