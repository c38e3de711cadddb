package nl.uitkijk.recorder.segment.internal;

import java.io.ByteArrayOutputStream;

/** Just enough H.264/H.265 Annex-B parsing to find the parameter sets a muxer needs as codec extradata. */
final class AnnexB {

    private AnnexB() {
    }

    /**
     * The parameter-set NAL units (H.264 SPS/PPS, H.265 VPS/SPS/PPS) of an access unit, each with a 4-byte start
     * code, or an empty array when it carries none.
     */
    static byte[] parameterSets(byte[] accessUnit, boolean hevc) {
        ByteArrayOutputStream sets = new ByteArrayOutputStream();
        int i = nextStart(accessUnit, 0);
        while (i >= 0) {
            int payload = i + (accessUnit[i + 2] == 1 ? 3 : 4);
            int next = nextStart(accessUnit, payload);
            int end = next < 0 ? accessUnit.length : next;
            if (payload < end && isParameterSet(accessUnit[payload], hevc)) {
                sets.write(0);
                sets.write(0);
                sets.write(0);
                sets.write(1);
                sets.write(accessUnit, payload, trimZeros(accessUnit, payload, end) - payload);
            }
            i = next;
        }
        return sets.toByteArray();
    }

    private static boolean isParameterSet(byte header, boolean hevc) {
        if (hevc) {
            int type = (header >> 1) & 0x3f;
            return type == 32 || type == 33 || type == 34;
        }
        int type = header & 0x1f;
        return type == 7 || type == 8;
    }

    /** Index of the next 00 00 01 or 00 00 00 01 at or after {@code from}, or -1. */
    static int nextStart(byte[] data, int from) {
        for (int i = from; i + 2 < data.length; i++) {
            if (data[i] == 0 && data[i + 1] == 0) {
                if (data[i + 2] == 1) {
                    return i;
                }
                if (i + 3 < data.length && data[i + 2] == 0 && data[i + 3] == 1) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int trimZeros(byte[] data, int start, int end) {
        while (end > start && data[end - 1] == 0) {
            end--;
        }
        return end;
    }
}
