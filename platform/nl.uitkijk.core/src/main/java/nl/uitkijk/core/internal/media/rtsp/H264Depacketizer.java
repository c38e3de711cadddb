package nl.uitkijk.core.internal.media.rtsp;

import java.util.Arrays;

/**
 * Rebuilds H.264 access units from RTP payloads (RFC 6184: single NAL unit, STAP-A and FU-A, which is what cameras
 * send in non-interleaved mode) as Annex-B byte streams. An access unit ends at the RTP marker bit or when the
 * time stamp changes. After a lost packet everything up to the next IDR picture is dropped, so a consumer never
 * receives a picture whose references are broken.
 */
final class H264Depacketizer {

    static final int NAL_IDR = 5;
    static final int NAL_SPS = 7;
    static final int NAL_PPS = 8;
    private static final byte[] START = { 0, 0, 0, 1 };

    /** A complete access unit in Annex-B form. */
    record AccessUnit(long rtpTimestamp, byte[] data, boolean keyframe) {
    }

    /** Receives each access unit; the caller copies what it keeps. */
    interface Output {
        void accessUnit(AccessUnit unit);
    }

    private final Output output;
    private byte[] buffer = new byte[256 * 1024];
    private int length;
    private boolean hasData;
    private boolean keyframe;
    private long timestamp;
    private boolean inFragment;
    private int lastSequence = -1;
    private boolean damaged;
    private boolean waitForKeyframe;
    private byte[] sps;
    private byte[] pps;
    private long lost;

    H264Depacketizer(Output output) {
        this.output = output;
    }

    /**
     * @param payload the RTP payload in {@code data[offset, offset + size)}
     */
    void packet(int sequence, long rtpTimestamp, boolean marker, byte[] data, int offset, int size) {
        if (lastSequence >= 0 && sequence != ((lastSequence + 1) & 0xffff)) {
            lost++;
            damaged = true;
            waitForKeyframe = true;
        }
        lastSequence = sequence;
        if (hasData && rtpTimestamp != timestamp) {
            finish(); // the camera left out the marker bit
        }
        timestamp = rtpTimestamp;
        if (size < 1) {
            return;
        }
        int type = data[offset] & 0x1f;
        if (type >= 1 && type <= 23) {
            inFragment = false;
            appendNal(data, offset, size);
        } else if (type == 24) { // STAP-A: [header][size16][NAL]...
            int at = offset + 1;
            int end = offset + size;
            while (at + 2 <= end) {
                int nalSize = ((data[at] & 0xff) << 8) | (data[at + 1] & 0xff);
                at += 2;
                if (nalSize == 0 || at + nalSize > end) {
                    damaged = true;
                    break;
                }
                appendNal(data, at, nalSize);
                at += nalSize;
            }
        } else if (type == 28 && size >= 2) { // FU-A: [indicator][header][fragment]
            int header = data[offset + 1] & 0xff;
            boolean start = (header & 0x80) != 0;
            if (start) {
                byte nalHeader = (byte) ((data[offset] & 0xe0) | (header & 0x1f));
                startNal(nalHeader);
                inFragment = true;
            } else if (!inFragment) {
                damaged = true; // the start of this NAL unit never came
            }
            if (inFragment) {
                append(data, offset + 2, size - 2);
            }
            if ((header & 0x40) != 0) {
                inFragment = false;
            }
        } else {
            damaged = true; // STAP-B, MTAP, FU-B: only for interleaved packetization, which we do not ask for
        }
        if (marker) {
            finish();
        }
    }

    /** Parameter sets known from the session description (sprop-parameter-sets) or the stream. */
    byte[] sps() {
        return sps;
    }

    byte[] pps() {
        return pps;
    }

    void parameterSets(byte[] newSps, byte[] newPps) {
        sps = newSps;
        pps = newPps;
    }

    long lostPackets() {
        return lost;
    }

    private void appendNal(byte[] data, int offset, int size) {
        startNal(data[offset]);
        append(data, offset + 1, size - 1);
    }

    private void startNal(byte header) {
        int type = header & 0x1f;
        if (type == NAL_IDR) {
            keyframe = true;
        }
        append(START, 0, START.length);
        if (length + 1 > buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[length++] = header;
        hasData = true;
    }

    private void append(byte[] data, int offset, int size) {
        if (length + size > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + size));
        }
        System.arraycopy(data, offset, buffer, length, size);
        length += size;
    }

    private void finish() {
        if (hasData) {
            boolean complete = !damaged && !inFragment;
            if (keyframe && complete) {
                waitForKeyframe = false;
            }
            if (complete && !waitForKeyframe) {
                rememberParameterSets();
                output.accessUnit(new AccessUnit(timestamp, Arrays.copyOf(buffer, length), keyframe));
            }
        }
        length = 0;
        hasData = false;
        keyframe = false;
        damaged = false;
        inFragment = false;
    }

    /** Keeps the newest in-band SPS and PPS, so that a camera without sprop-parameter-sets can still be recorded. */
    private void rememberParameterSets() {
        int i = 0;
        while (i + 4 < length) {
            if (buffer[i] == 0 && buffer[i + 1] == 0 && buffer[i + 2] == 0 && buffer[i + 3] == 1) {
                int begin = i + 4;
                int end = begin;
                while (end + 3 < length && !(buffer[end] == 0 && buffer[end + 1] == 0 && buffer[end + 2] == 0
                        && buffer[end + 3] == 1)) {
                    end++;
                }
                if (end + 3 >= length) {
                    end = length;
                }
                int type = buffer[begin] & 0x1f;
                if (type == NAL_SPS) {
                    sps = Arrays.copyOfRange(buffer, begin, end);
                } else if (type == NAL_PPS) {
                    pps = Arrays.copyOfRange(buffer, begin, end);
                } else if (type >= 1 && type <= 5) {
                    return; // parameter sets come before the slices
                }
                i = end;
            } else {
                i++;
            }
        }
    }
}
