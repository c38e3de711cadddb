package nl.uitkijk.rest.internal.live;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;

/**
 * Turns one viewer's H.264 or H.265 packets from the media hub (Annex B access units) into fragmented MP4: the
 * parameter sets become the initialisation segment (again when the camera changes them), every access unit one
 * fragment of length-prefixed NAL units. Starts at a keyframe; a viewer that fell behind starts again at the next one.
 * Whether the browser can play the codec is the browser's to say (the codec string goes with the initialisation
 * segment); the console falls back to stills when it cannot. Not thread-safe: one per viewer, fed by the hub's
 * delivery thread.
 */
final class VideoFragmenter {

    /**
     * What to send: a new initialisation segment (with the codec for MSE) or a media fragment.
     *
     * @param arrivedMicros when the fragment's packet reached the platform (epoch microseconds), for latency figures
     */
    record Chunk(boolean init, String codec, byte[] bytes, long arrivedMicros) {
    }

    private static final int DEFAULT_DURATION = Fmp4Writer.TIMESCALE / 25;

    private int width;
    private int height;
    private boolean hevc;
    private byte[] vps;
    private byte[] sps;
    private byte[] pps;
    private byte[] announcedSps;
    private byte[] announcedPps;
    private long firstDts = Long.MIN_VALUE;
    private long lastDecodeTime = -1;
    private int lastDuration = DEFAULT_DURATION;
    private int sequence;
    private boolean waitForKeyframe = true;

    /** The stream's format; its extradata may carry the parameter sets (Annex B or avcC). */
    void format(MediaFormat format) {
        width = format.width();
        height = format.height();
        boolean wasHevc = hevc;
        hevc = isHevc(format.codec());
        if (hevc != wasHevc) {
            vps = null;
            sps = null;
            pps = null;
            waitForKeyframe = true;
        }
        if (format.fps() > 0) {
            lastDuration = (int) Math.round(Fmp4Writer.TIMESCALE / format.fps());
        }
        byte[] extradata = format.extradata() == null ? new byte[0] : format.extradata();
        for (byte[] nal : hevc ? hevcParameterSets(extradata) : parameterSets(extradata)) {
            remember(nal);
        }
    }

    static boolean isHevc(String codec) {
        return "hevc".equalsIgnoreCase(codec) || "h265".equalsIgnoreCase(codec);
    }

    /** The NAL unit type: 5 bits in H.264, 6 bits after the forbidden bit in H.265. */
    private int type(byte[] nal) {
        return hevc ? (nal[0] >> 1) & 0x3F : nal[0] & 0x1F;
    }

    private boolean isParameterSet(int type) {
        return hevc ? type >= 32 && type <= 34 : type == 7 || type == 8;
    }

    private boolean isDelimiter(int type) {
        return hevc ? type == 35 : type == 9;
    }

    /** Start again at the next keyframe (the viewer dropped data). */
    void resync() {
        waitForKeyframe = true;
    }

    /** The chunks to send for this packet: none while waiting for a keyframe with parameter sets. */
    List<Chunk> packet(MediaPacket packet) {
        List<byte[]> nals = nalUnits(packet.data());
        ByteArrayOutputStream sample = new ByteArrayOutputStream(packet.data().length + 16);
        for (byte[] nal : nals) {
            int type = type(nal);
            if (isParameterSet(type)) {
                remember(nal);
            } else if (!isDelimiter(type)) { // access unit delimiters are not carried in MP4 samples
                sample.write(nal.length >>> 24);
                sample.write(nal.length >>> 16);
                sample.write(nal.length >>> 8);
                sample.write(nal.length);
                sample.writeBytes(nal);
            }
        }
        List<Chunk> chunks = new ArrayList<>(2);
        if (waitForKeyframe) {
            if (!packet.keyframe() || sps == null || pps == null || (hevc && vps == null) || width <= 0
                    || height <= 0) {
                return chunks;
            }
            waitForKeyframe = false;
            announcedSps = null; // a new start always begins with an initialisation segment
        }
        if (!Arrays.equals(sps, announcedSps) || !Arrays.equals(pps, announcedPps)) {
            announcedSps = sps;
            announcedPps = pps;
            try {
                chunks.add(hevc
                        ? new Chunk(true, Fmp4Writer.hevcCodec(sps), Fmp4Writer.hevcInitSegment(vps, sps, pps, width,
                                height), packet.wallClockMicros())
                        : new Chunk(true, Fmp4Writer.codec(sps), Fmp4Writer.initSegment(sps, pps, width, height),
                                packet.wallClockMicros()));
            } catch (IllegalArgumentException malformed) {
                announcedSps = null; // a broken parameter set: wait for the camera's next
                waitForKeyframe = true;
                return List.of();
            }
        }
        if (sample.size() == 0) {
            return chunks;
        }
        if (firstDts == Long.MIN_VALUE) {
            firstDts = packet.dtsMicros();
        }
        long decodeTime = Math.max(0, (packet.dtsMicros() - firstDts) * Fmp4Writer.TIMESCALE / 1_000_000);
        if (decodeTime <= lastDecodeTime) {
            decodeTime = lastDecodeTime + 1; // decode times must rise; cameras sometimes repeat one
        }
        if (lastDecodeTime >= 0) {
            lastDuration = (int) Math.max(1, Math.min(Fmp4Writer.TIMESCALE, decodeTime - lastDecodeTime));
        }
        lastDecodeTime = decodeTime;
        int compositionOffset = (int) ((packet.ptsMicros() - packet.dtsMicros()) * Fmp4Writer.TIMESCALE / 1_000_000);
        chunks.add(new Chunk(false, null, Fmp4Writer.fragment(++sequence, decodeTime, lastDuration,
                compositionOffset, packet.keyframe(), sample.toByteArray()), packet.wallClockMicros()));
        return chunks;
    }

    private void remember(byte[] nal) {
        int type = type(nal);
        if (hevc) {
            if (type == 32) {
                vps = nal;
            } else if (type == 33 && nal.length >= 15) {
                sps = nal;
            } else if (type == 34) {
                pps = nal;
            }
        } else if (type == 7 && nal.length >= 4) {
            sps = nal;
        } else if (type == 8) {
            pps = nal;
        }
    }

    /** VPS, SPS and PPS from H.265 extradata: Annex B or an hvcC record (its arrays begin at byte 22). */
    static List<byte[]> hevcParameterSets(byte[] extradata) {
        if (extradata.length < 23 || extradata[0] != 1) {
            return nalUnits(extradata);
        }
        List<byte[]> sets = new ArrayList<>();
        int arrays = extradata[22] & 0xFF;
        int at = 23;
        for (int a = 0; a < arrays && at + 3 <= extradata.length; a++) {
            int count = ((extradata[at + 1] & 0xFF) << 8) | (extradata[at + 2] & 0xFF);
            at = readSets(extradata, at + 3, count, sets);
            if (at < 0) {
                break;
            }
        }
        return sets;
    }

    /** SPS and PPS from extradata: Annex B (start codes) or an avcC record. */
    static List<byte[]> parameterSets(byte[] extradata) {
        if (extradata.length > 7 && extradata[0] == 1) {
            List<byte[]> sets = new ArrayList<>();
            int at = readSets(extradata, 6, extradata[5] & 0x1F, sets);
            if (at > 0 && at < extradata.length) {
                readSets(extradata, at + 1, extradata[at] & 0xFF, sets);
            }
            return sets;
        }
        return nalUnits(extradata);
    }

    /** Reads {@code count} length-prefixed parameter sets of an avcC record; the index after them, or -1 if cut. */
    private static int readSets(byte[] record, int from, int count, List<byte[]> sets) {
        int at = from;
        for (int i = 0; i < count; i++) {
            if (at + 2 > record.length) {
                return -1;
            }
            int length = ((record[at] & 0xFF) << 8) | (record[at + 1] & 0xFF);
            at += 2;
            if (at + length > record.length) {
                return -1;
            }
            sets.add(Arrays.copyOfRange(record, at, at + length));
            at += length;
        }
        return at;
    }

    /** The NAL units of an Annex B byte stream, without start codes (empty units dropped). */
    static List<byte[]> nalUnits(byte[] annexB) {
        List<byte[]> units = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < annexB.length) {
            if (annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 1) {
                if (start >= 0) {
                    add(units, annexB, start, i);
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0) {
            add(units, annexB, start, annexB.length);
        } else if (annexB.length > 0) {
            units.add(annexB); // a single NAL unit without a start code
        }
        return units;
    }

    private static void add(List<byte[]> units, byte[] data, int from, int to) {
        int end = to;
        while (end > from && data[end - 1] == 0) {
            end--; // the zero of a four-byte start code, or trailing zeros
        }
        if (end > from) {
            units.add(Arrays.copyOfRange(data, from, end));
        }
    }
}
